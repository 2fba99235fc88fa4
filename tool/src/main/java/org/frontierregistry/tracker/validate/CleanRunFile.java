package org.frontierregistry.tracker.validate;

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
import org.frontierregistry.tracker.io.AtomicFiles;

/**
 * The clean run ({@code NAME.clean}, beside the validation cache): the state of the whole registry when a
 * validation of all of it found nothing to say. Its first line after the header is the state's SHA-256 (every
 * file's path and content digest, in path order, and the day), which a run with nothing changed compares with
 * its own; the lines after it list each path with its digest, so a run after an edit can tell which files
 * changed since. The list is trusted only when it hashes to the state line: a damaged or cut file is no clean
 * run at all.
 */
final class CleanRunFile {
    static final String FORMAT = "tracker-validation-clean 2";

    private final Path file;
    private final String header;

    /** @param identity the tool build and schema the run was made with: a file of another is ignored */
    CleanRunFile(Path file, String identity) {
        this.file = file;
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

    /** Whether the remembered clean run had exactly this state; reads only as far as the state line. */
    boolean holds(String state) {
        byte[] expected = (header + "\n" + state + "\n").getBytes(StandardCharsets.UTF_8);
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The path and content digest of every file of the clean run remembered for {@code day}, or null when there
     * is none for that day, or the file is damaged (its list does not hash to its state line).
     */
    Map<String, String> digests(LocalDate day) {
        byte[] bytes = read();
        if (bytes == null) {
            return null;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(header) || !lines[lines.length - 1].isEmpty()) {
            return null;
        }
        List<String> paths = new ArrayList<>(lines.length);
        List<String> digests = new ArrayList<>(lines.length);
        for (int i = 2; i < lines.length - 1; i++) {
            int tab = lines[i].lastIndexOf('\t');
            if (tab < 0) {
                return null;
            }
            paths.add(ValidationCache.unescape(lines[i].substring(0, tab)));
            digests.add(lines[i].substring(tab + 1));
        }
        if (!state(paths, digests, day).equals(lines[1])) {
            return null;
        }
        Map<String, String> byPath = new HashMap<>(2 * paths.size());
        for (int i = 0; i < paths.size(); i++) {
            byPath.put(paths.get(i), digests.get(i));
        }
        return byPath;
    }

    /**
     * Remembers a clean run of these files on this day; a file that cannot be written is skipped (it only saves
     * time). Returns the run's state.
     *
     * @param paths   the files' paths, in order
     * @param digests their contents' digests, in the same order
     */
    String write(List<String> paths, List<String> digests, LocalDate day) {
        String state = state(paths, digests, day);
        StringBuilder text = new StringBuilder(header.length() + 120 * (paths.size() + 1));
        text.append(header).append('\n').append(state).append('\n');
        for (int i = 0; i < paths.size(); i++) {
            text.append(ValidationCache.escape(paths.get(i))).append('\t').append(digests.get(i)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // Not fatal: the next run validates in full.
        }
        return state;
    }

    private byte[] read() {
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
