package org.frontierregistry.tracker.validate;

import static org.frontierregistry.tracker.io.ByteRanges.crc;
import static org.frontierregistry.tracker.io.ByteRanges.indexOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.concurrent.Background;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.FileStamp;

/**
 * The clean run ({@code NAME.clean}, beside the validation cache): the registry as a validation of all of it found
 * it, with nothing to say. After the header, one line holds a CRC-32 of everything after it, the day, the run's
 * state (the SHA-256 of every file's path and content digest, in path order, and the day: what a build's outputs
 * are made from) and the length of the stamps block. The stamps block has one line per file, in path order: its
 * path and its stamp, or "-" for a stamp that had not settled; the digests block then has each file's content
 * digest, in the same order.
 *
 * <p>While every file has the stamp its line gives, the run's answer holds: that is told by writing the stamps the
 * files have now as such a block and comparing bytes, without the cache's index, without parsing a line and
 * without hashing anything (at 10,000 records those took a one-file validation a fifth of its time). Otherwise
 * the digests tell which files changed since. A damaged or cut file (not matching its CRC) is no clean run.
 */
final class CleanRunFile {
    static final String FORMAT = "tracker-validation-clean 3";

    /** The clean run as remembered: its day, its state, and each file's path and content digest in path order. */
    record Run(LocalDate day, String state, List<String> paths, List<String> digests) {
    }

    /** The file's parts, as read once: its bytes, the head line's fields, and where the two blocks start. */
    private record Parts(byte[] bytes, LocalDate day, String state, int stampsFrom, int stampsTo) {
    }

    private final Path file;
    /** Present when the last run's stamps did not hold ({@link #likelyToMiss}). */
    private final Path missed;
    private final String header;
    /** The file as this object last read or wrote it (read once: several questions of a run ask it). */
    private volatile Parts parts;
    private volatile boolean read;

    /** @param identity the tool build and schema the run was made with: a file of another is ignored */
    CleanRunFile(Path file, String identity) {
        this.file = file;
        this.missed = file == null ? null : file.resolveSibling(file.getFileName() + ".missed");
        this.header = FORMAT + identity;
    }

    /**
     * The SHA-256 of every file's path and content digest, and of the day.
     *
     * @param paths   the files' paths, in order
     * @param digests their contents' digests, in the same order
     */
    static String state(List<String> paths, List<String> digests, LocalDate day) {
        // Fed to the digest through one buffer: the text of 10,000 files (1.2 MB) built as a string first took as
        // long again as the hash.
        MessageDigest sha = ValidationCache.sha256();
        byte[] buffer = new byte[1 << 16];
        int used = 0;
        for (int i = 0; i < paths.size(); i++) {
            byte[] path = paths.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] digest = digests.get(i).getBytes(StandardCharsets.UTF_8);
            if (used + path.length + digest.length + 2 > buffer.length) {
                sha.update(buffer, 0, used);
                used = 0;
            }
            if (path.length + digest.length + 2 > buffer.length) {
                sha.update(path);
                sha.update((byte) 0);
                sha.update(digest);
                sha.update((byte) '\n');
                continue;
            }
            System.arraycopy(path, 0, buffer, used, path.length);
            used += path.length;
            buffer[used++] = 0;
            System.arraycopy(digest, 0, buffer, used, digest.length);
            used += digest.length;
            buffer[used++] = '\n';
        }
        sha.update(buffer, 0, used);
        sha.update(("day " + day).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Whether the file may hold a clean run of this tool build and schema (it starts with their header): reads
     * only that far. When it cannot, the cache's index is certainly needed.
     */
    boolean mayHoldOne() {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The state of the clean run of {@code day} when the files have exactly the stamps it remembers, all of them
     * settled when remembered; else null.
     *
     * @param lines each file's {@link #stampLine}, in path order
     */
    String stateIfStampsHold(List<byte[]> lines, LocalDate day) {
        Parts parts = parts();
        if (parts == null || !parts.day().equals(day)) {
            return null;
        }
        byte[] bytes = parts.bytes();
        int at = parts.stampsFrom();
        for (byte[] line : lines) {
            if (at + line.length > parts.stampsTo() || !Arrays.equals(bytes, at, at + line.length, line, 0, line.length)) {
                return null;
            }
            at += line.length;
        }
        return at == parts.stampsTo() ? parts.state() : null;
    }

    /**
     * A file's line in the stamps block: its path and stamp, or "-" for a stamp that had not settled (null). The
     * writer and the question make it alike, so that stamps are compared as bytes.
     */
    static byte[] stampLine(String path, FileStamp stamp) {
        StringBuilder line = new StringBuilder(128);
        if (stamp == null) {
            line.append(ValidationCache.escape(path)).append("\t-");
        } else {
            ValidationCache.pathAndStamp(line, path, stamp);
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the last run's stamps did not hold and nothing since made them hold: the next will likely not either. */
    boolean likelyToMiss() {
        return missed != null && Files.exists(missed);
    }

    /**
     * Notes whether this run's stamps held (or were written again so that the next run's will), for
     * {@link #likelyToMiss}: only a change of answer touches the file system.
     */
    void stampsHeld(boolean held) {
        if (missed == null || held != likelyToMiss()) {
            return;
        }
        try {
            if (held) {
                Files.deleteIfExists(missed);
            } else {
                Files.createDirectories(missed.getParent());
                AtomicFiles.write(missed, new byte[0]);
            }
        } catch (IOException | RuntimeException e) {
            // Only a guess of what the next run needs first.
        }
    }

    /**
     * The state of the clean run of {@code day} when the files are the run's and have the contents it found; else
     * null. Compared as bytes, nothing parsed: asked of 10,000 files after every edit.
     *
     * @param paths   the files' paths, in path order
     * @param digests each file's content digest, in the same order
     */
    String stateIfContentsSame(List<String> paths, List<String> digests, LocalDate day) {
        Parts parts = parts();
        if (parts == null || !parts.day().equals(day)) {
            return null;
        }
        byte[] bytes = parts.bytes();
        int at = parts.stampsFrom();
        int digestAt = parts.stampsTo();
        for (int i = 0; i < paths.size(); i++) {
            byte[] path = (ValidationCache.escape(paths.get(i)) + "\t").getBytes(StandardCharsets.UTF_8);
            int end = indexOf(bytes, (byte) '\n', at, parts.stampsTo());
            if (end < 0 || !Arrays.equals(bytes, at, Math.min(at + path.length, end), path, 0, path.length)) {
                return null;
            }
            String digest = digests.get(i);
            if (digestAt + digest.length() >= bytes.length || bytes[digestAt + digest.length()] != '\n') {
                return null;
            }
            for (int k = 0; k < digest.length(); k++) {
                if (bytes[digestAt + k] != digest.charAt(k)) {
                    return null;
                }
            }
            at = end + 1;
            digestAt += digest.length() + 1;
        }
        return at == parts.stampsTo() && digestAt == bytes.length ? parts.state() : null;
    }

    /** The clean run remembered for {@code day}, or null when there is none for that day or the file is damaged. */
    Run run(LocalDate day) {
        Parts parts = parts();
        if (parts == null || !parts.day().equals(day)) {
            return null;
        }
        byte[] bytes = parts.bytes();
        List<String> paths = new ArrayList<>();
        for (int start = parts.stampsFrom(); start < parts.stampsTo(); ) {
            int end = indexOf(bytes, (byte) '\n', start, parts.stampsTo());
            int tab = end < 0 ? -1 : indexOf(bytes, (byte) '\t', start, end);
            if (tab < 0) {
                return null;
            }
            try {
                paths.add(ValidationCache.unescape(new String(bytes, start, tab - start, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return null; // not as written
            }
            start = end + 1;
        }
        List<String> digests = new ArrayList<>(paths.size());
        for (int start = parts.stampsTo(); start < bytes.length; ) {
            int end = indexOf(bytes, (byte) '\n', start, bytes.length);
            if (end < 0) {
                return null;
            }
            digests.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
            start = end + 1;
        }
        return digests.size() == paths.size() ? new Run(parts.day(), parts.state(), paths, digests) : null;
    }

    /** The path and content digest of every file of the clean run remembered for {@code day}, or null as {@link #run}. */
    Map<String, String> digests(LocalDate day) {
        Run run = run(day);
        if (run == null) {
            return null;
        }
        Map<String, String> byPath = new HashMap<>(2 * run.paths().size());
        for (int i = 0; i < run.paths().size(); i++) {
            byPath.put(run.paths().get(i), run.digests().get(i));
        }
        return byPath;
    }

    /**
     * Remembers a clean run of these files on this day; a file that cannot be written is skipped (it only saves
     * time). Returns the run's state.
     *
     * @param paths   the files' paths, in path order
     * @param stamps  their stamps, null where a stamp had not settled (that file is then hashed to be told)
     * @param digests their contents' digests
     */
    String write(List<String> paths, List<FileStamp> stamps, List<String> digests, LocalDate day) {
        // The state's hash on a thread of its own while the stamps block is made (each 40-50 ms at 10,000 files).
        java.util.concurrent.CompletableFuture<String> state = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> state(paths, digests, day), task -> Background.start("clean-run-state", task));
        byte[] block = stampsBlock(paths, stamps);
        String known = state.join();
        store(day, known, block, digests);
        return known;
    }

    /**
     * The same clean run with the stamps its files have now (the same paths and contents), so that a file touched
     * but not edited is known by its stamp again instead of hashed on every run.
     */
    void restamp(Run run, List<FileStamp> stamps) {
        store(run.day(), run.state(), stampsBlock(run.paths(), stamps), run.digests());
    }

    /** Every file's {@link #stampLine}, made on the pool's threads. */
    private static byte[] stampsBlock(List<String> paths, List<FileStamp> stamps) {
        List<byte[]> lines = java.util.stream.IntStream.range(0, paths.size()).parallel()
                .mapToObj(i -> stampLine(paths.get(i), stamps.get(i))).toList();
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream(110 * paths.size());
        lines.forEach(block::writeBytes);
        return block.toByteArray();
    }

    private void store(LocalDate day, String state, byte[] block, List<String> digests) {
        StringBuilder digestLines = new StringBuilder(65 * digests.size());
        digests.forEach(digest -> digestLines.append(digest).append('\n'));
        byte[] rest = concat((" " + day + " " + state + " " + block.length + "\n").getBytes(StandardCharsets.UTF_8), block,
                digestLines.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] whole = concat((header + "\n" + crc(rest, 0, rest.length)).getBytes(StandardCharsets.UTF_8), rest);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, whole);
            parts = parse(whole);
        } catch (IOException | RuntimeException e) {
            parts = null; // not fatal: the next run validates in full
        }
        read = true;
    }

    private static byte[] concat(byte[]... pieces) {
        int length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, whole, at, piece.length);
            at += piece.length;
        }
        return whole;
    }

    private Parts parts() {
        if (!read) {
            parts = parse(readBytes());
            read = true;
        }
        return parts;
    }

    /** The file's parts when it has this header and matches its CRC; else null. */
    private Parts parse(byte[] bytes) {
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes == null || bytes.length < expected.length
                || !Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
            return null;
        }
        int space = indexOf(bytes, (byte) ' ', expected.length, bytes.length);
        int headEnd = indexOf(bytes, (byte) '\n', expected.length, bytes.length);
        if (space < 0 || headEnd < space
                || !new String(bytes, expected.length, space - expected.length, StandardCharsets.US_ASCII).equals(crc(bytes, space, bytes.length))) {
            return null;
        }
        String[] head = new String(bytes, space + 1, headEnd - space - 1, StandardCharsets.US_ASCII).split(" ");
        if (head.length != 3) {
            return null;
        }
        try {
            int stampsTo = headEnd + 1 + Integer.parseInt(head[2]);
            if (stampsTo > bytes.length) {
                return null;
            }
            return new Parts(bytes, LocalDate.parse(head[0]), head[1], headEnd + 1, stampsTo);
        } catch (RuntimeException e) {
            return null; // a head line not as written: no clean run
        }
    }

    private byte[] readBytes() {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
