package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.testing.CacheLeftovers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last build is known unchanged only for the same folder, the same inputs and the same tool build, while the
 * folder holds every file it wrote as it wrote it; anything else (an edited, touched-back or deleted output, a
 * damaged record) means building again.
 */
class LastBuildTest {
    private static final LastBuild.Outputs OUTPUTS = new LastBuild.Outputs(3, 1, List.of("models.csv", "index.html"));
    /** An hour from now: every file a test writes has settled by then. */
    private final long later = System.currentTimeMillis() + 3_600_000;

    @TempDir
    Path folder;

    private Path out;
    private Path recordFile;

    @BeforeEach
    void writeOutputs() throws IOException {
        out = Files.createDirectories(folder.resolve("dist"));
        Files.writeString(out.resolve("models.csv"), "id,name\na,A\n");
        Files.writeString(out.resolve("index.html"), "<!doctype html><p>three records</p>\n");
        recordFile = folder.resolve("cache/builds/repo.last-build");
    }

    private LastBuild lastBuild(String tool, long now) {
        return LastBuild.at(recordFile, tool, now);
    }

    private Optional<LastBuild.Outputs> unchanged(String inputs) {
        return lastBuild("tool-1", later).unchanged(out, () -> inputs);
    }

    @Test
    void theSameFolderInputsAndToolWithTheOutputsUntouchedAreUnchanged() {
        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);

        assertEquals(Optional.of(OUTPUTS), unchanged("inputs-1"));
        assertEquals(Optional.empty(), unchanged("inputs-2"), "other records or options");
        assertEquals(Optional.empty(), lastBuild("tool-2", later).unchanged(out, () -> "inputs-1"), "another tool build");
        assertEquals(Optional.empty(), unchanged(null), "records not known clean");
    }

    @Test
    void rememberingABuildRemovesWhatARunKilledLongAgoLeftInTheSharedFolder() {
        CacheLeftovers leftovers = CacheLeftovers.in(recordFile.getParent());

        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);

        leftovers.assertOnlyTheAbandonedOneIsGone();
    }

    @Test
    void theInputsAreNotAskedForAnotherFolder() throws IOException {
        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);
        AtomicInteger asked = new AtomicInteger();

        Optional<LastBuild.Outputs> other = lastBuild("tool-1", later).unchanged(Files.createDirectories(folder.resolve("site")), () -> {
            asked.incrementAndGet();
            return "inputs-1";
        });

        assertEquals(Optional.empty(), other);
        assertEquals(0, asked.get(), "telling the inputs costs a look at every record: not for another folder");
    }

    @Test
    void anOutputEditedEvenWithItsSizeAndTimePutBackIsNotUnchanged() throws IOException {
        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);
        Path csv = out.resolve("models.csv");
        FileTime time = Files.getLastModifiedTime(csv);
        Files.writeString(csv, "id,name\nb,B\n");
        Files.setLastModifiedTime(csv, time);

        assertEquals(Optional.empty(), unchanged("inputs-1"));
    }

    @Test
    void aDeletedOutputIsNotUnchanged() throws IOException {
        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);
        Files.delete(out.resolve("index.html"));

        assertEquals(Optional.empty(), unchanged("inputs-1"));
    }

    @Test
    void anOutputTooFreshToTrustByItsStampIsCheckedByItsContentThenTrusted() throws IOException {
        lastBuild("tool-1", System.currentTimeMillis()).remember(out, "inputs-1", OUTPUTS);
        assertTrue(Files.readString(recordFile).contains("\tfresh\t"), Files.readString(recordFile));

        assertEquals(Optional.of(OUTPUTS), unchanged("inputs-1"));

        assertFalse(Files.readString(recordFile).contains("\tfresh\t"), "settled now: the next build tells by the stamps");
        assertEquals(Optional.of(OUTPUTS), unchanged("inputs-1"));
    }

    @Test
    void aFreshOutputWhoseContentIsNotWhatWasWrittenIsNotUnchanged() throws IOException {
        lastBuild("tool-1", System.currentTimeMillis()).remember(out, "inputs-1", OUTPUTS);
        // An edit within the stamps' resolution can leave a stamp as it was: only the content tells.
        String text = Files.readString(recordFile);
        String line = text.lines().filter(l -> l.startsWith("models.csv\t")).findFirst().orElseThrow();
        String otherCrc = line.substring(0, line.lastIndexOf('\t') + 1) + "0";
        Files.writeString(recordFile, text.replace(line, otherCrc));

        assertEquals(Optional.empty(), unchanged("inputs-1"));
    }

    @Test
    void aDamagedOrForgottenRecordIsNoLastBuild() throws IOException {
        lastBuild("tool-1", later).remember(out, "inputs-1", OUTPUTS);
        String text = Files.readString(recordFile);

        Files.writeString(recordFile, text.substring(0, text.length() - 5));
        assertEquals(Optional.empty(), unchanged("inputs-1"), "cut short");
        Files.writeString(recordFile, text.replace("\tsettled\t", "\tperhaps\t"));
        assertEquals(Optional.empty(), unchanged("inputs-1"), "a field not as written");
        Files.writeString(recordFile, text.replace("records 3 1", "records three 1"));
        assertEquals(Optional.empty(), unchanged("inputs-1"), "a count not a number");
        Files.writeString(recordFile, text.replace("index.html\t", "../index.html\t"));
        assertEquals(Optional.empty(), unchanged("inputs-1"), "a file outside the folder");
        Files.writeString(recordFile, text);
        assertEquals(Optional.of(OUTPUTS), unchanged("inputs-1"));

        lastBuild("tool-1", later).forget();
        assertEquals(Optional.empty(), unchanged("inputs-1"), "forgotten as a build starts");
        assertEquals(Optional.empty(), LastBuild.none().unchanged(out, () -> "inputs-1"), "--no-cache");
    }

    @Test
    void theInputsNameTheRecordsAndEverySiteOption() {
        SiteOptions site = SiteOptions.defaults();
        String inputs = LastBuild.inputs("state-1", site);

        assertEquals(inputs, LastBuild.inputs("state-1", SiteOptions.defaults()));
        assertFalse(inputs.equals(LastBuild.inputs("state-2", site)));
        assertFalse(inputs.equals(LastBuild.inputs("state-1", new SiteOptions(java.time.LocalDate.of(2026, 1, 1), null, null))));
        assertFalse(inputs.equals(LastBuild.inputs("state-1", new SiteOptions(null, "https://github.com/org/registry", null))));
        assertFalse(inputs.equals(LastBuild.inputs("state-1", new SiteOptions(null, null, "next"))));
    }
}
