package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void aWriteReplacesTheWholeFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = folder.resolve("models.csv");
        Files.writeString(file, "old content that is longer than the new one\n");

        AtomicFiles.writeString(file, "new\n");

        assertEquals("new\n", Files.readString(file));
        assertEquals(List.of("models.csv"), names());
    }

    @Test
    void whenTheContentFailsHalfwayTheOldFileIsUntouchedAndTheTemporaryFileIsGone() throws IOException {
        Path file = folder.resolve("record.yaml");
        Files.writeString(file, "id: kept\n");

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("id: half-writ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));

        assertEquals("id: kept\n", Files.readString(file));
        assertEquals(List.of("record.yaml"), names());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains("left as it was"), failure.getMessage());
    }

    @Test
    void aFolderThatDoesNotExistIsAClearFailureNamingTheFile() {
        Path file = folder.resolve("missing/out.json");

        WriteFailure failure = assertThrows(WriteFailure.class, () -> AtomicFiles.writeString(file, "{}"));

        assertTrue(failure.getMessage().startsWith("could not write " + file.toAbsolutePath()), failure.getMessage());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path script = folder.resolve("run.sh");
        Files.writeString(script, "echo old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));

        AtomicFiles.writeString(script, "echo new\n");

        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    }

    @Test
    void aFileSomeoneMadeReadOnlyIsLeftAsItWasWithAClearFailure() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path record = folder.resolve("record.yaml");
        Files.writeString(record, "id: protected\n");
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("r--r--r--"));

        WriteFailure failure = assertThrows(WriteFailure.class, () -> AtomicFiles.rewriteText(record, "id: changed\n"));

        assertEquals("id: protected\n", Files.readString(record));
        assertEquals(List.of("record.yaml"), names());
        assertTrue(failure.getMessage().contains("is read-only, so it was left as it was"), failure.getMessage());
    }

    @Test
    void aNewFileGetsTheFolderDefaultPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(folder.resolve("plain.txt"), "x");

        Path written = folder.resolve("written.txt");
        AtomicFiles.writeString(written, "x");

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    }

    @ParameterizedTest(name = "a file with {0} line ends keeps them")
    @ValueSource(strings = {"\r\n", "\n"})
    void rewritingAFileKeepsItsLineEndsEverywhere(String lineEnd) throws IOException {
        Path file = folder.resolve("record.yaml");
        Files.writeString(file, "id: a" + lineEnd + "name: A" + lineEnd);

        AtomicFiles.rewriteText(file, "id: a" + lineEnd + "name: A" + lineEnd + "status: above\n");

        assertEquals("id: a" + lineEnd + "name: A" + lineEnd + "status: above" + lineEnd, Files.readString(file));
    }

    @Test
    void createNeverReplacesAFileThatExists() throws IOException {
        Path file = folder.resolve("new-model.yaml");
        Files.writeString(file, "written by a person\n");

        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.create(file, "template\n"));

        assertEquals("written by a person\n", Files.readString(file));
        assertEquals(List.of("new-model.yaml"), names());
    }

    @Test
    void createWritesANewFileWhole() throws IOException {
        Path file = folder.resolve("new-model.yaml");

        AtomicFiles.create(file, "template\n");

        assertArrayEquals("template\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertEquals(List.of("new-model.yaml"), names());
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndNothingElse() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), "id: a\n");
        Files.writeString(folder.resolve(".a.yaml.0a1b2c3d4e5f" + AtomicFiles.TEMP_SUFFIX), "id: a-half");
        Files.writeString(folder.resolve("notes.tmp"), "a person's file");

        assertEquals(1, AtomicFiles.removeLeftovers(folder));

        assertEquals(List.of("a.yaml", "notes.tmp"), names());
    }

    @Test
    void aFolderNamedLikeALeftoverIsLeftAloneAndAMissingFolderHasNone() throws IOException {
        Files.createDirectories(folder.resolve("kept" + AtomicFiles.TEMP_SUFFIX));
        Files.writeString(folder.resolve("b.yaml.ffff" + AtomicFiles.TEMP_SUFFIX), "half");

        assertEquals(1, AtomicFiles.removeLeftovers(folder));
        assertEquals(0, AtomicFiles.removeLeftovers(folder.resolve("no-such-folder")));

        assertEquals(List.of("kept" + AtomicFiles.TEMP_SUFFIX), names());
    }

    @Test
    void inASharedFolderOnlyLeftoversUntouchedForTheGivenTimeAreRemoved() throws IOException {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Path abandoned = folder.resolve(".repo-1a2b.cache.00ff" + AtomicFiles.TEMP_SUFFIX);
        Path beingWritten = folder.resolve(".repo-3c4d.cache.11ee" + AtomicFiles.TEMP_SUFFIX);
        Path cache = folder.resolve("repo-1a2b.cache");
        Files.writeString(abandoned, "half a cache");
        Files.writeString(beingWritten, "a cache another checkout's run is writing");
        Files.writeString(cache, "a whole cache");
        Files.setLastModifiedTime(abandoned, FileTime.from(now.minus(Duration.ofMinutes(61))));
        Files.setLastModifiedTime(beingWritten, FileTime.from(now.minus(Duration.ofMinutes(59))));
        Files.setLastModifiedTime(cache, FileTime.from(now.minus(Duration.ofDays(30))));

        assertEquals(1, AtomicFiles.removeLeftovers(folder, Duration.ofHours(1), now));

        assertEquals(List.of(beingWritten.getFileName().toString(), cache.getFileName().toString()), names());
    }

    @Test
    void removingAbandonedLeftoversNeverFailsTheWriteThatAsks() throws IOException {
        Path old = folder.resolve(".a.cache.00ff" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(old, "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER).minusSeconds(60)));
        Path notAFolder = folder.resolve("a-file");
        Files.writeString(notAFolder, "x");

        assertEquals(1, AtomicFiles.removeAbandonedLeftovers(folder));
        assertEquals(0, AtomicFiles.removeAbandonedLeftovers(folder.resolve("missing")));
        assertEquals(0, AtomicFiles.removeAbandonedLeftovers(notAFolder));
        assertEquals(List.of("a-file"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
