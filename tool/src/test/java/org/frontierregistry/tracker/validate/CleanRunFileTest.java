package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-run file gives back the paths and digests it was given, for its day and identity only, or nothing. */
class CleanRunFileTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final List<String> PATHS = List.of("/r/models/a.yaml", "/r/models/odd\tname\\with\nbreaks.yaml");
    private static final List<String> DIGESTS = List.of("aa11", "bb22");

    @TempDir
    Path folder;

    private CleanRunFile written() {
        CleanRunFile clean = new CleanRunFile(folder.resolve("run.clean"), " tool=t schema=s");
        clean.write(PATHS, DIGESTS, DAY);
        return clean;
    }

    @Test
    void itHoldsTheStateItWasWrittenWithAndListsEveryPathEvenWithTabsAndLineBreaks() {
        CleanRunFile clean = written();

        assertTrue(clean.holds(CleanRunFile.state(PATHS, DIGESTS, DAY)));
        assertFalse(clean.holds(CleanRunFile.state(PATHS, List.of("aa11", "cc33"), DAY)));
        assertEquals(Map.of(PATHS.get(0), "aa11", PATHS.get(1), "bb22"), clean.digests(DAY));
    }

    @Test
    void anotherDayOrAnotherToolBuildGetsNothing() {
        written();

        assertNull(new CleanRunFile(folder.resolve("run.clean"), " tool=t schema=s").digests(DAY.plusDays(1)));
        CleanRunFile otherBuild = new CleanRunFile(folder.resolve("run.clean"), " tool=u schema=s");
        assertNull(otherBuild.digests(DAY));
        assertFalse(otherBuild.holds(CleanRunFile.state(PATHS, DIGESTS, DAY)));
    }

    @Test
    void aListThatDoesNotHashToItsStateLineGivesNothing() throws IOException {
        CleanRunFile clean = written();
        Path file = folder.resolve("run.clean");
        String text = Files.readString(file);

        Files.writeString(file, text.replace("aa11", "aa12"), StandardCharsets.UTF_8);
        assertNull(clean.digests(DAY), "an altered digest");
        Files.writeString(file, text.substring(0, text.length() - 3), StandardCharsets.UTF_8);
        assertNull(clean.digests(DAY), "a cut file");
        Files.writeString(file, text.replace("aa11\n", ""), StandardCharsets.UTF_8);
        assertNull(clean.digests(DAY), "a line without its digest");
        assertNull(new CleanRunFile(folder.resolve("missing.clean"), " tool=t schema=s").digests(DAY));
    }
}
