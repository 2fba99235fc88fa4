package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-run file gives back the paths and digests it was given, tells whether files still have the stamps it
 * was given, for its day and identity only, and gives nothing when it was damaged.
 */
class CleanRunFileTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final List<String> PATHS = List.of("/r/models/a.yaml", "/r/models/odd\tname\\with\nbreaks.yaml");
    private static final List<String> DIGESTS = List.of("aa11", "bb22");
    private static final FileStamp A = new FileStamp(120, 1_000, 2_000, "8:1");
    private static final FileStamp B = new FileStamp(0, Long.MIN_VALUE, FileStamp.UNKNOWN, "");
    private static final String IDENTITY = " tool=t schema=s";

    @TempDir
    Path folder;

    private String write(List<FileStamp> stamps) {
        return new CleanRunFile(folder.resolve("run.clean"), IDENTITY).write(PATHS, stamps, DIGESTS, DAY);
    }

    private static List<byte[]> lines(List<String> paths, List<FileStamp> stamps) {
        return java.util.stream.IntStream.range(0, paths.size()).mapToObj(i -> CleanRunFile.stampLine(paths.get(i), stamps.get(i))).toList();
    }

    private CleanRunFile readAgain(String identity) {
        return new CleanRunFile(folder.resolve("run.clean"), identity);
    }

    @Test
    void itGivesBackThePathsAndDigestsWithTheStateOfThemEvenWithTabsAndLineBreaksInAPath() {
        String state = write(List.of(A, B));

        CleanRunFile.Run run = readAgain(IDENTITY).run(DAY);
        assertNotNull(run);
        assertEquals(PATHS, run.paths());
        assertEquals(DIGESTS, run.digests());
        assertEquals(CleanRunFile.state(PATHS, DIGESTS, DAY), state);
        assertEquals(state, run.state());
        CleanRunFile again = readAgain(IDENTITY);
        assertEquals(state, again.stateIfContentsSame(PATHS, DIGESTS, DAY), "the same paths and contents");
        assertNull(again.stateIfContentsSame(PATHS, List.of("aa11", "cc33"), DAY), "another content");
        assertNull(again.stateIfContentsSame(PATHS.subList(0, 1), DIGESTS.subList(0, 1), DAY), "a file gone");
        assertNull(again.stateIfContentsSame(List.of(PATHS.get(0), "/r/models/b.yaml"), DIGESTS, DAY),
                "another file");
        assertEquals(Map.of(PATHS.get(0), "aa11", PATHS.get(1), "bb22"), readAgain(IDENTITY).digests(DAY));
    }

    @Test
    void theStateHoldsWhileEveryFileHasTheSettledStampItWasWrittenWith() {
        String state = write(List.of(A, B));

        assertEquals(state, readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(A, B)), DAY));
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(A, new FileStamp(0, 5, 5, ""))), DAY), "a stamp moved");
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS.subList(0, 1), List.of(A)), DAY), "a file gone");
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(A, B)), DAY.plusDays(1)), "another day");

        write(Arrays.asList(A, null));
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(A, B)), DAY), "a stamp that had not settled tells nothing");
    }

    @Test
    void restampingKeepsTheStateAndTheContentsAndChangesOnlyTheStamps() {
        String state = write(Arrays.asList(A, null));
        CleanRunFile clean = readAgain(IDENTITY);
        FileStamp touched = new FileStamp(0, 5_000, 6_000, "8:2");

        clean.restamp(clean.run(DAY), List.of(A, touched));

        CleanRunFile again = readAgain(IDENTITY);
        assertEquals(state, again.stateIfStampsHold(lines(PATHS, List.of(A, touched)), DAY));
        assertEquals(DIGESTS, again.run(DAY).digests());
    }

    @Test
    void aMissIsRememberedForTheNextRunUntilTheStampsHoldAgain() {
        write(List.of(A, B));
        CleanRunFile clean = readAgain(IDENTITY);
        assertFalse(clean.likelyToMiss());

        clean.stampsHeld(false);
        assertTrue(readAgain(IDENTITY).likelyToMiss(), "the next run reads the index at once");
        clean.stampsHeld(true);
        assertFalse(readAgain(IDENTITY).likelyToMiss());
    }

    @Test
    void anotherDayOrAnotherToolBuildGetsNothing() {
        write(List.of(A, B));

        assertNull(readAgain(IDENTITY).run(DAY.plusDays(1)));
        CleanRunFile otherBuild = readAgain(" tool=u schema=s");
        assertNull(otherBuild.run(DAY));
        assertNull(otherBuild.stateIfStampsHold(lines(PATHS, List.of(A, B)), DAY));
        assertFalse(otherBuild.mayHoldOne());
        assertTrue(readAgain(IDENTITY).mayHoldOne());
    }

    @Test
    void aDamagedOrCutFileGivesNothing() throws IOException {
        write(List.of(A, B));
        Path file = folder.resolve("run.clean");
        String text = Files.readString(file);

        Files.writeString(file, text.replace("aa11", "aa12"), StandardCharsets.UTF_8);
        assertNull(readAgain(IDENTITY).run(DAY), "an altered digest");
        Files.writeString(file, text.replace("\t1000\t", "\t1001\t"), StandardCharsets.UTF_8);
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(new FileStamp(120, 1_001, 2_000, "8:1"), B)), DAY),
                "an altered stamp");
        Files.writeString(file, text.substring(0, text.length() - 3), StandardCharsets.UTF_8);
        assertNull(readAgain(IDENTITY).run(DAY), "a cut file");
        assertNull(readAgain(IDENTITY).stateIfStampsHold(lines(PATHS, List.of(A, B)), DAY), "a cut file");
        Files.writeString(file, text.substring(0, text.indexOf('\n', text.indexOf('\n') + 1) + 1), StandardCharsets.UTF_8);
        assertNull(readAgain(IDENTITY).run(DAY), "its lines gone");
        assertNull(new CleanRunFile(folder.resolve("missing.clean"), IDENTITY).run(DAY));
        assertFalse(new CleanRunFile(folder.resolve("missing.clean"), IDENTITY).mayHoldOne());
    }
}
