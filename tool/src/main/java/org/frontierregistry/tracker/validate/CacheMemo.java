package org.frontierregistry.tracker.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.io.AtomicFiles;

/**
 * A small file beside the validation cache that remembers one fact worked out before (that the schema keeps JSON
 * Schema's rules, the schema's digest). A memo that is missing, unreadable or cannot be written only means the fact
 * is worked out again, so reading and writing one never fails a run.
 */
final class CacheMemo {
    private CacheMemo() {
    }

    /** The memo named {@code suffix} beside the validation cache {@code cacheFile}. */
    static Path besideCache(Path cacheFile, String suffix) {
        return cacheFile.resolveSibling(ValidationCache.stem(cacheFile) + suffix);
    }

    /** The memo's text, or null when there is none or it cannot be read. */
    static String read(Path memo) {
        try {
            return Files.isRegularFile(memo) ? Files.readString(memo, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Replaces the memo's text in one step; a memo that cannot be written is skipped. */
    static void write(Path memo, String text) {
        try {
            Files.createDirectories(memo.getParent());
            AtomicFiles.writeString(memo, text);
        } catch (IOException | RuntimeException e) {
            // Not fatal: the next run works the fact out again.
        }
    }
}
