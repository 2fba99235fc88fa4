package org.frontierregistry.tracker.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.RecordTrees;

/**
 * What validation already knows about record contents: the tree of every file content that read cleanly
 * and passed the schema, keyed by the SHA-256 of the file's bytes. The whole cache belongs to one schema
 * and one build of the tool; a cache written by another is ignored. Only per-file work is skipped
 * (reading the YAML, the schema check): the checks across records still run over every record.
 *
 * <p>The cache is one text file, read whole and rewritten (in one step) only when it changes:
 * a header line, then one line per content: {@code digest crc32-of-json json}. A damaged line is a miss.
 */
public final class ValidationCache {
    static final String FORMAT = "tracker-validation-cache 1";

    private final Path file;
    private final String header;
    private final Map<String, Json> stored;
    private final Map<String, Json> kept = new ConcurrentHashMap<>();
    private volatile boolean changed;

    /** One entry's JSON, as bytes of the file it was read from (no copy per entry). */
    private record Json(byte[] bytes, int from, int to) {
        static Json of(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Json(bytes, 0, bytes.length);
        }

        String crc() {
            CRC32 crc = new CRC32();
            crc.update(bytes, from, to - from);
            return Long.toHexString(crc.getValue());
        }
    }

    private ValidationCache(Path file, String header, Map<String, Json> stored) {
        this.file = file;
        this.header = header;
        this.stored = stored;
    }

    /** A cache that knows nothing and keeps nothing (--no-cache, or no place to keep it). */
    public static ValidationCache disabled() {
        return new ValidationCache(null, "", Map.of());
    }

    /**
     * The cache kept in {@code file}; missing, unreadable, damaged or written for another schema or tool
     * build, it starts empty.
     *
     * @param tool   identifies the build of the tool (its rules and its reader)
     * @param schema identifies the schema the trees were checked against
     */
    public static ValidationCache open(Path file, String tool, String schema) {
        String header = FORMAT + " tool=" + tool + " schema=" + schema;
        return new ValidationCache(file, header, load(file, header));
    }

    /**
     * This build of the tool: the jar's size and time, so any rebuild or upgrade starts a new cache. Run
     * from a classes folder (tests, an IDE) it is this process only, as such code changes without a jar.
     */
    public static String toolBuild() {
        return BUILD;
    }

    private static final String BUILD = findBuild();

    private static String findBuild() {
        try {
            Path code = Path.of(ValidationCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return "jar-" + Files.size(code) + "-" + Files.getLastModifiedTime(code).toMillis();
            }
        } catch (Exception e) {
            // fall through: a cache for this process only
        }
        return "process-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    public boolean enabled() {
        return file != null;
    }

    /** The digest a content is known by. */
    public static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The tree of a content that passed reading and the schema before, or null. */
    public JsonNode tree(String digest) {
        Json json = stored.get(digest);
        if (json == null) {
            return null;
        }
        JsonNode tree = RecordTrees.fromJson(json.bytes(), json.from(), json.to() - json.from());
        if (tree != null) {
            kept.put(digest, json);
        }
        return tree;
    }

    /** Remembers that this content read cleanly into {@code tree} and passed the schema. */
    public void remember(String digest, JsonNode tree) {
        if (!enabled()) {
            return;
        }
        String json = RecordTrees.toJson(tree);
        if (json != null && kept.put(digest, Json.of(json)) == null) {
            changed = true;
        }
    }

    /**
     * Writes what this run used or learnt, when that differs from what was stored; contents no record
     * has any more are dropped. A cache that cannot be written is skipped: it only ever saves time.
     */
    public void save() {
        if (!enabled() || (!changed && kept.size() == stored.size())) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        kept.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Json json = entry.getValue();
            out.writeBytes((entry.getKey() + " " + json.crc() + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(json.bytes(), json.from(), json.to() - json.from());
            out.write('\n');
        });
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException | RuntimeException e) {
            // Not fatal: the next run reads the records again.
        }
    }

    private static Map<String, Json> load(Path file, String header) {
        Map<String, Json> entries = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return entries;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return entries;
        }
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length < expected.length || !Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
            return entries;
        }
        int end;
        for (int start = expected.length; start < bytes.length; start = end + 1) {
            end = indexOf(bytes, (byte) '\n', start, bytes.length);
            if (end < 0) {
                break; // a cut last line
            }
            int first = indexOf(bytes, (byte) ' ', start, end);
            int second = first < 0 ? -1 : indexOf(bytes, (byte) ' ', first + 1, end);
            if (second < 0) {
                continue;
            }
            Json json = new Json(bytes, second + 1, end);
            if (new String(bytes, first + 1, second - first - 1, StandardCharsets.US_ASCII).equals(json.crc())) {
                entries.put(new String(bytes, start, first - start, StandardCharsets.US_ASCII), json);
            }
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
