package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;

/** data/imputation/fit.json is the fit of data/imputation/training.csv, and the tool ships both. */
class CommittedFitTest {
    private static final Path DATA = TempRegistry.realRepository().resolve(ImputationModel.DATA_DIR);

    @Test
    void theCommittedFitIsTheFitOfTheCommittedTable() throws Exception {
        TrainingTable table;
        try (var reader = Files.newBufferedReader(DATA.resolve(ImputationModel.TRAINING_FILE), StandardCharsets.UTF_8)) {
            table = TrainingTable.parse(reader, "training.csv");
        }
        assertEquals(Files.readString(DATA.resolve(ImputationModel.FIT_FILE), StandardCharsets.UTF_8), FitFile.write(ImputationModel.fit(table)),
                "data/imputation/fit.json is stale: run tracker imputation fit");
    }

    @Test
    void theToolShipsTheCommittedFit() throws Exception {
        assertEquals(Files.readString(DATA.resolve(ImputationModel.FIT_FILE), StandardCharsets.UTF_8), FitFile.write(ImputationModel.standard()));
        assertEquals(ImputationModel.standard().trainingRows(), ImputationModel.standardTable().rows().size());
        assertTrue(ImputationModel.standard().fits().size() > 5);
    }
}
