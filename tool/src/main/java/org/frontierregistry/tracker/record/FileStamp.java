package org.frontierregistry.tracker.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a file without reading it (size, modification and change times, inode), as
 * git's index keeps it: while the stamp is the same, the content is taken to be the same. A content edited with
 * its size and modification time put back still moves the change time (ctime), which no program can set.
 *
 * @param changed the status change time (ctime) in nanoseconds, or {@link #UNKNOWN} where the platform has none
 * @param key     the file's identity on its device (device and inode), or "" where the platform has none
 */
public record FileStamp(long size, long modified, long changed, String key) {
    public static final long UNKNOWN = Long.MIN_VALUE;
    /**
     * How long a file must have been left alone before its stamp is trusted. Time stamps are coarse (a clock
     * tick, a second, two on FAT): a file written in the same tick as it was stamped can change again without
     * its stamp moving (git's "racily clean" entries), so a fresher stamp is checked by hashing the content.
     */
    public static final long SETTLE_MILLIS = 3_000;

    private static volatile boolean unixView = true;

    /** The file's stamp, or null when it cannot be read (the read that follows reports why). */
    public static FileStamp of(Path file) {
        if (unixView) {
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino");
                return new FileStamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                        nanos((FileTime) a.get("ctime")), a.get("dev") + ":" + a.get("ino"));
            } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                unixView = false; // not a Unix file system (Windows): size, time and file key only
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = a.fileKey();
            return new FileStamp(a.size(), nanos(a.lastModifiedTime()), UNKNOWN, key == null ? "" : key.toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the file was last modified (and its status last changed) well before {@code nowMillis}. */
    public boolean settledBefore(long nowMillis) {
        long limit = TimeUnit.MILLISECONDS.toNanos(nowMillis - SETTLE_MILLIS);
        return modified < limit && (changed == UNKNOWN || changed < limit);
    }

    // Written out rather than generated: a record's generated equals is bound on first call by method handles
    // (java.lang.runtime.ObjectMethods), which took tens of milliseconds of every short command's start-up.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp that && size == that.size && modified == that.modified
                && changed == that.changed && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(size) * 31 + Long.hashCode(modified)) * 31 + Long.hashCode(changed)) * 31 + key.hashCode();
    }

    private static long nanos(FileTime time) {
        return time == null ? UNKNOWN : time.to(TimeUnit.NANOSECONDS);
    }
}
