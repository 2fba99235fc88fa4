package org.frontierregistry.tracker.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.frontierregistry.tracker.io.AtomicFiles;

/**
 * Two temporary files in a cache folder every checkout shares: one a run killed long ago left, one that another
 * checkout's run may be writing right now. A cache writer removes the first and must never touch the second.
 * Closing removes both, for a folder other tests share too (the suite's cache folder).
 */
public record CacheLeftovers(Path abandoned, Path beingWritten) implements AutoCloseable {
    public static CacheLeftovers in(Path folder) {
        try {
            Files.createDirectories(folder);
            Path abandoned = Files.writeString(folder.resolve(".other-checkout.cache.00ff" + AtomicFiles.TEMP_SUFFIX), "half a file");
            Path beingWritten = Files.writeString(folder.resolve(".another-checkout.cache.11ee" + AtomicFiles.TEMP_SUFFIX), "being written");
            Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(AtomicFiles.ABANDONED_AFTER).minusSeconds(60)));
            return new CacheLeftovers(abandoned, beingWritten);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertOnlyTheAbandonedOneIsGone() {
        assertFalse(Files.exists(abandoned), "a killed run's temporary file is removed: " + abandoned);
        assertTrue(Files.exists(beingWritten), "a file another run may still be writing is left alone: " + beingWritten);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(abandoned);
            Files.deleteIfExists(beingWritten);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertBothAreThere() {
        assertTrue(Files.exists(abandoned) && Files.exists(beingWritten), "nothing written, nothing removed");
    }
}
