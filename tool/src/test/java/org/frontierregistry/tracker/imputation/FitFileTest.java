package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;

class FitFileTest {
    @Test
    void theShippedFitReadsBackToTheSameFile() throws IOException {
        String shipped = Files.readString(TempRegistry.realRepository().resolve("data/imputation/fit.json"));

        ImputationModel model = FitFile.read(shipped, "data/imputation/fit.json");

        assertTrue(model.fits().size() > 1, "fits read: " + model.fits().size());
        assertEquals(shipped, FitFile.write(model));
    }

    @Test
    void aDamagedFitIsRefusedNamingTheFileAndTheWayToMakeItAgain() {
        for (String text : new String[] {"{\"fits\": [{\"form\": ", "[]", "{\"fits\": []} trailing"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FitFile.read(text, "data/imputation/fit.json"), text);

            assertTrue(e.getMessage().startsWith("data/imputation/fit.json is not valid JSON ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("regenerate it with: tracker imputation fit"), e.getMessage());
        }
    }
}
