package org.frontierregistry.tracker.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes files so that a reader (or a person after a crash, a Ctrl-C or a full disk) sees either the
 * whole old content or the whole new content, never a mix: the new bytes go to a temporary file in the
 * same folder, are flushed to the disk, and the temporary file is then moved over the target in one step.
 * A replaced file keeps its permissions; {@link #rewriteText} also keeps its line endings.
 *
 * <p>Temporary files end in {@value #TEMP_SUFFIX}. One left behind by a killed process is harmless (no
 * reader looks at it) and is removed by {@link #removeLeftovers}.
 */
public final class AtomicFiles {
    /** How temporary files end; git-ignored. */
    public static final String TEMP_SUFFIX = ".tracker-tmp";

    /**
     * How long a temporary file in a shared cache folder must have been left alone before it is taken as a killed
     * run's: the largest cache file (13 MB at 10,000 records) is written in well under a second.
     */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** What streams the new content into the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces a text file a person wrote: when the file on disk uses Windows line ends (CRLF) the new text
     * is written with CRLF too, so an edit never turns a whole file's line ends over.
     */
    public static void rewriteText(Path file, String text) throws IOException {
        String lf = text.replace("\r\n", "\n");
        writeString(file, usesCrlf(file) ? lf.replace("\n", "\r\n") : lf);
    }

    /**
     * Writes the whole content, then moves it over {@code file} in one step. When {@code content} throws,
     * or the disk is full, the target is left exactly as it was and the temporary file is removed.
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = stage(target, content);
        try {
            copyPermissions(target, temp);
            moveOver(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e instanceof WriteFailure w ? w : failure(target, e);
        }
        syncFolder(target.getParent());
    }

    /**
     * Adds whole lines at the end of a file whose reader checks every line by itself (the validation cache,
     * whose lines carry a CRC): an interrupted append can only leave a cut last line, which such a reader
     * skips. Rewriting a large cache whole for one new line would cost more than the line saves. A file
     * that does not end with a line end gets one first, so a line cut earlier never runs into the new ones.
     * Only for such caches: files people read go through {@link #write}.
     */
    public static void appendLines(Path file, byte[] lines) throws IOException {
        try (java.io.RandomAccessFile out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            long length = out.length();
            if (length > 0) {
                out.seek(length - 1);
                if (out.read() != '\n') {
                    out.write('\n');
                }
            }
            out.seek(out.length());
            out.write(lines);
        }
    }

    /**
     * Writes a new file whole, never replacing one that exists.
     *
     * @throws FileAlreadyExistsException when {@code file} exists (it is left untouched)
     */
    public static void create(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = stage(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        try {
            // A hard link fails when the name is taken, so a file created meanwhile is never overwritten.
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                Files.deleteIfExists(temp);
                throw exists;
            }
            try {
                Files.move(temp, target);
            } catch (IOException moveFailed) {
                Files.deleteIfExists(temp);
                throw moveFailed instanceof FileAlreadyExistsException exists ? exists : failure(target, moveFailed);
            }
        }
        Files.deleteIfExists(temp);
        syncFolder(target.getParent());
    }

    /**
     * Removes temporary files a killed run left in {@code folder} (not below it). Call it only where no
     * other process may be writing, e.g. while holding the {@link RegistryLock}.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path folder) throws IOException {
        return removeLeftovers(folder, null);
    }

    /**
     * Removes temporary files a killed run left in a folder that other processes write to without a lock (the
     * user's cache folders, which every checkout shares), once they have not been touched for {@code untouchedFor}:
     * a run still writing one touches it within seconds, so only a run that stopped long ago leaves one that old.
     * A cache folder has no lock to take, and a run stopped in a cache write (a Ctrl-C while the 13 MB trees file
     * is rewritten) would otherwise leave its temporary file there for good. A missing folder has none.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path folder, Duration untouchedFor, Instant now) throws IOException {
        return removeLeftovers(folder, now.minus(untouchedFor));
    }

    /**
     * {@link #removeLeftovers(Path, Duration, Instant)} of the temporary files not touched for {@link #ABANDONED_AFTER}:
     * what a writer to a shared cache folder calls after its own write. A folder that cannot be listed is left as it
     * is (0): leftovers only take room, and the write that called this has succeeded.
     */
    public static int removeAbandonedLeftovers(Path folder) {
        try {
            return removeLeftovers(folder, ABANDONED_AFTER, Instant.now());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Removes the leftovers last modified before {@code touchedBefore}, or all of them when it is null. */
    private static int removeLeftovers(Path folder, Instant touchedBefore) throws IOException {
        // The names are compared by their ending: a glob matched each of 10,000 names with a regular expression,
        // a tenth of a second of every writing command at that size.
        int removed = 0;
        for (String name : FolderNames.of(folder)) {
            if (!name.endsWith(TEMP_SUFFIX)) {
                continue;
            }
            Path entry = folder.resolve(name);
            if (Files.isRegularFile(entry) && touchedBefore(entry, touchedBefore)
                    && Files.deleteIfExists(entry)) {
                removed++;
            }
        }
        return removed;
    }

    private static boolean touchedBefore(Path file, Instant limit) {
        if (limit == null) {
            return true;
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
        } catch (IOException e) {
            return false; // gone meanwhile (its run moved it over its target), or unreadable: not ours to remove
        }
    }

    /** Whether the file exists and most of its line ends are CRLF. */
    static boolean usesCrlf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(file);
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > 0 && bytes[i - 1] == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf;
    }

    /** The content, complete and on disk, in a new temporary file beside {@code target}. */
    private static Path stage(Path target, Content content) throws IOException {
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
        // Created with the default permissions (not createTempFile's owner-only ones): a new file looks like any other.
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw failure(target, e);
        }
        return temp;
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // The file system cannot rename over a file in one step; a plain replacing move is the next best:
            // the new content is already complete on disk, so at worst the target is briefly absent.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        boolean readOnly;
        if (source != null && target != null) {
            Set<PosixFilePermission> permissions = source.readAttributes().permissions();
            // Judged by the mode bits, not by access(): root may write anything, yet a file made read-only says "keep".
            readOnly = !permissions.contains(PosixFilePermission.OWNER_WRITE);
            target.setPermissions(permissions);
        } else {
            readOnly = !Files.isWritable(from);
        }
        if (readOnly) {
            throw new WriteFailure(from + " is read-only, so it was left as it was; make it writable (chmod u+w) if it"
                    + " should change, then run again.");
        }
    }

    /** Makes the rename itself durable (Linux, macOS); where folders cannot be opened this way it is skipped. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself.
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static WriteFailure failure(Path target, Exception cause) {
        if (cause instanceof WriteFailure w) {
            return w;
        }
        String reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new WriteFailure("could not write " + target + ": " + reason + ". The file was left as it was"
                + " (nothing half-written); free some disk space or fix the folder's permissions and run again.");
    }
}
