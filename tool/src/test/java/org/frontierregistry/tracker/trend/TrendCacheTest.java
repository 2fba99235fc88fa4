package org.frontierregistry.tracker.trend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.Arrays;
import org.frontierregistry.tracker.testing.CacheLeftovers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trends remembered between runs are the trends computed afresh, whatever state the file is in. */
class TrendCacheTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);
    private static final TrendSettings SETTINGS = new TrendSettings(10, 2_000, 400, 25);

    @TempDir
    Path folder;

    /** A registry with every part of a report filled: counted models, models without a p_above, a frontier. */
    private static SyntheticRegistry registry() {
        return registry(0.8);
    }

    private static SyntheticRegistry registry(double newestPAbove) {
        SyntheticRegistry registry = SyntheticRegistry.compute(24, 4.0, 0.3, 5, 10, 3);
        registry.add("no-estimate", LocalDate.of(2025, 6, 1), null, null);
        registry.add("newest", LocalDate.of(2026, 1, 5), 3e25, newestPAbove);
        return registry;
    }

    @Test
    void aRememberedReportEqualsTheOneComputed() {
        TrendReport computed = Trends.of(registry().records(), AS_OF, SETTINGS);
        TrendCache cache = TrendCache.at(folder.resolve("trends.bin"), "build-1");

        TrendReport first = cache.report(registry().records(), AS_OF, SETTINGS);
        TrendReport second = cache.report(registry().records(), AS_OF, SETTINGS);

        assertEquals(computed, first);
        assertEquals(computed, second, "read back from the file, every number the same to the last bit");
        assertTrue(computed.notCounted().contains("no-estimate") && computed.frontierGrowth() != null
                && computed.countGrowth() != null, "the report exercises every part: " + computed);
    }

    @Test
    void aReportWithNothingFittedIsRememberedAsItIs() {
        SyntheticRegistry two = new SyntheticRegistry()
                .add("a", LocalDate.of(2025, 11, 2), 2e25, 0.9)
                .add("b", LocalDate.of(2025, 11, 20), null, null);
        TrendReport computed = Trends.of(two.records(), AS_OF, SETTINGS);
        TrendCache cache = TrendCache.at(folder.resolve("trends.bin"), "build-1");
        cache.report(two.records(), AS_OF, SETTINGS);

        assertEquals(computed, cache.report(two.records(), AS_OF, SETTINGS));
        assertTrue(computed.countGrowth() == null && computed.frontierGrowth() == null
                && computed.projections().stream().allMatch(p -> p.countLow() == null && p.frontierFlop() == null)
                && computed.frontierByTop().containsValue(null), "the empty parts are exercised: " + computed);
    }

    @Test
    void writingTheFileRemovesWhatARunKilledLongAgoLeftInTheSharedFolder() {
        CacheLeftovers leftovers = CacheLeftovers.in(folder);

        TrendCache.at(folder.resolve("trends.bin"), "build-1").report(registry().records(), AS_OF, SETTINGS);

        leftovers.assertOnlyTheAbandonedOneIsGone();
    }

    @Test
    void theFileIsUsedWhileTheInputsAreTheSame() throws IOException {
        Path file = folder.resolve("trends.bin");
        TrendCache cache = TrendCache.at(file, "build-1");
        cache.report(registry().records(), AS_OF, SETTINGS);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        cache.report(registry().records(), AS_OF, SETTINGS);

        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "a hit leaves the file alone");
    }

    @Test
    void anyChangedInputComputesTheTrendsAgain() {
        SyntheticRegistry oneMore = registry().add("one-more", LocalDate.of(2025, 3, 3), 2e25, 0.9);
        SyntheticRegistry otherP = registry(0.4);
        TrendSettings top3 = SETTINGS.withFrontierTop(3);

        assertRecomputed("a new record", oneMore, AS_OF, SETTINGS);
        assertRecomputed("another p_above", otherP, AS_OF, SETTINGS);
        assertRecomputed("another day", registry(), AS_OF.plusDays(1), SETTINGS);
        assertRecomputed("other settings", registry(), AS_OF, top3);
    }

    /** After the base registry's trends are remembered, trends asked with one input changed are computed afresh. */
    private void assertRecomputed(String change, SyntheticRegistry registry, LocalDate asOf, TrendSettings settings) {
        Path file = folder.resolve("trends.bin");
        TrendReport base = TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS);
        TrendReport computed = Trends.of(registry.records(), asOf, settings);
        assertNotEquals(base, computed, change + " changes the report, so the check below can fail");

        assertEquals(computed, TrendCache.at(file, "build-1").report(registry.records(), asOf, settings), change);
    }

    @Test
    void anotherBuildOfTheToolComputesAgain() throws IOException {
        Path file = folder.resolve("trends.bin");
        TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS);
        byte[] first = Files.readAllBytes(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        TrendCache.at(file, "build-2").report(registry().records(), AS_OF, SETTINGS);

        assertNotEquals(0, Files.getLastModifiedTime(file).toMillis(), "computed again and remembered for the new build");
        assertFalse(Arrays.equals(first, Files.readAllBytes(file)), "under another key");
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        TrendCache.at(file, "build-2").report(registry().records(), AS_OF, SETTINGS);
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "the new build's trends are then used");
    }

    @Test
    void aDamagedOrTruncatedFileIsAMiss() throws IOException {
        Path file = folder.resolve("trends.bin");
        TrendReport computed = Trends.of(registry().records(), AS_OF, SETTINGS);
        TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS);
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertEquals(computed, TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS), "truncated");
        assertArrayEquals(whole, Files.readAllBytes(file), "and the file is whole again");

        for (int at : new int[] {whole.length - 1, whole.length - 30, whole.length / 2, 20}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x40;
            Files.write(file, damaged);
            assertEquals(computed, TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS), "byte " + at);
            assertArrayEquals(whole, Files.readAllBytes(file), "byte " + at + " mended");
        }

        Files.writeString(file, "");
        assertEquals(computed, TrendCache.at(file, "build-1").report(registry().records(), AS_OF, SETTINGS), "empty");
        assertArrayEquals(whole, Files.readAllBytes(file));
    }

    @Test
    void aFolderThatCannotHoldTheFileOnlyCostsTime() throws IOException {
        Path blocked = Files.writeString(folder.resolve("not-a-folder"), "x");

        TrendReport report = TrendCache.at(blocked.resolve("trends.bin"), "build-1").report(registry().records(), AS_OF, SETTINGS);

        assertEquals(Trends.of(registry().records(), AS_OF, SETTINGS), report);
    }
}
