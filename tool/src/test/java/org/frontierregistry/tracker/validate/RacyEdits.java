package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.frontierregistry.tracker.record.FileStamp;

/** Edits that keep a file's size and modification time, what git calls racily clean: only its change time moves. */
final class RacyEdits {
    private RacyEdits() {
    }

    /** Replaces {@code from} by {@code to} (of the same length) in the file, keeping its modification time. */
    static void editKeepingSizeAndTime(Path file, String from, String to) throws IOException {
        assertEquals(from.length(), to.length());
        FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        assertTrue(text.contains(from), text);
        Files.writeString(file, text.replace(from, to));
        Files.setLastModifiedTime(file, time);
    }

    /**
     * Writes {@code text} (as long as the file) over the file keeping its modification time, again until the
     * file's stamp has moved: the change time has the file system's coarse granularity.
     */
    static void rewriteUntilStampMoves(Path file, String text) throws IOException, InterruptedException {
        FileStamp before = FileStamp.of(file);
        FileTime modified = Files.getLastModifiedTime(file);
        assertEquals(before.size(), text.getBytes(StandardCharsets.UTF_8).length, "the edit keeps the size");
        do {
            Thread.sleep(5);
            Files.writeString(file, text);
            Files.setLastModifiedTime(file, modified);
        } while (FileStamp.of(file).equals(before));
    }
}
