package org.frontierregistry.tracker.validate;

import static org.frontierregistry.tracker.io.ByteRanges.crc;
import static org.frontierregistry.tracker.io.ByteRanges.indexOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontierregistry.tracker.concurrent.Background;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.ByteRanges;
import org.frontierregistry.tracker.record.FileStamp;
import org.frontierregistry.tracker.record.RecordSummary;
import org.frontierregistry.tracker.record.RecordTrees;

/**
 * What validation already knows about record files, kept in two files beside each other:
 *
 * <ul>
 *   <li><b>trees</b> ({@code NAME.cache}): the tree of every file content that read cleanly and passed the
 *       schema, keyed by the SHA-256 of the content. A hit skips the YAML parser and the schema. Read only when
 *       a tree is asked for.</li>
 *   <li><b>files</b> ({@code NAME.index}): per file path, its {@link FileStamp} when last seen, the digest of
 *       its content then, and the {@link RecordSummary} checks across records need. A file whose stamp is
 *       unchanged and was taken well after its last change is not hashed again (git's index does the same);
 *       a validation of a few files takes the other records from their summaries without reading them.</li>
 * </ul>
 *
 * <p>A third, the <b>clean run</b> ({@code NAME.clean}, {@link CleanRunFile}), holds the state of the whole
 * registry (every file's path and content digest, and the day) when a validation of all of it found nothing to
 * say, with each file's stamp then: the same state on the same day gives the same answer, so
 * {@code tracker validate} with no content changed answers from the stamps alone (without reading the index),
 * and after a few edits it can tell which files changed ({@link #changesSinceClean}).
 *
 * <p>All belong to one schema and one build of the tool; a file written by another is ignored. Each line
 * carries a CRC-32 and a damaged line is a miss. New lines are appended; a file is rewritten (in one step)
 * when its header no longer fits, or when it holds many entries no file has any more.
 */
public final class ValidationCache {
    static final String FORMAT = "tracker-validation-cache 2";
    static final String INDEX_FORMAT = "tracker-validation-index 1";

    private final Path file;
    private final Path indexFile;
    private final String header;
    private final String indexHeader;
    private final CleanRunFile clean;
    /**
     * Whether the files are likely to have the stamps the clean run remembers (there is one, and the last run found
     * them so): only then is the question asked, and the index read only once it is answered no.
     */
    private final boolean stampsLikelyToHold;
    private final long now;

    /** The index's load, started by the first question that needs it ({@link #index()}). */
    private java.util.concurrent.CompletableFuture<Index> index;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private volatile boolean indexChanged;
    private volatile boolean fewFiles;
    /**
     * How many trees a run looks up by walking the trees file before it reads the file whole instead. A few files'
     * validation looks up a few; more lookups happen when the index cannot answer for the other records (left by
     * another tool build while the trees file is this one's, as after switching branches), and a walk of 13 MB for
     * each of 10,000 records took a one-file validation 54 s.
     */
    static final int FEW_WALKS = 16;
    private final AtomicInteger walks = new AtomicInteger();
    /** Held while the cache's files are written; {@link #stopWriting} waits for it. */
    private final Object writing = new Object();
    private volatile boolean writesStopped;
    private volatile StampedFor lastStamped;

    private volatile Map<String, Json> stored;
    private volatile byte[] scannedBytes;
    private int storedLines;
    private final Map<String, Json> used = new ConcurrentHashMap<>();
    private final Map<String, Json> learnt = new ConcurrentHashMap<>();
    private final AtomicInteger hashed = new AtomicInteger();

    /** The index as read: the entry of each file, the digests they name, and how many lines the file holds. */
    private record Index(Map<String, Entry> entries, Set<String> digests, int lines) {
        static Index load(Path file, String header) {
            Map<String, Entry> entries = new HashMap<>();
            int lines;
            try {
                lines = loadIndex(file, header, entries);
            } catch (RuntimeException e) {
                return new Index(Map.of(), Set.of(), 0); // an index that cannot be read is an empty one
            }
            Set<String> digests = new java.util.HashSet<>();
            entries.values().forEach(entry -> digests.add(entry.digest()));
            return new Index(entries, digests, lines);
        }
    }

    private Map<String, Entry> indexed() {
        return index().join().entries();
    }

    /**
     * The index, loading on a thread of its own from the first call. A run whose files are as its clean run left
     * them never needs it (the stamps in the clean-run file tell): at 10,000 records its 3 MB took a core 80 ms,
     * beside the rest of a one-file validation on two cores.
     */
    private synchronized java.util.concurrent.CompletableFuture<Index> index() {
        if (index == null) {
            index = file == null ? java.util.concurrent.CompletableFuture.completedFuture(new Index(Map.of(), Set.of(), 0))
                    : java.util.concurrent.CompletableFuture.supplyAsync(() -> Index.load(indexFile, indexHeader),
                            task -> Background.start("validation-cache-index", task));
        }
        return index;
    }

    /** What the cache knows of one file: its stamp when it was last read, its content's digest, its summary. */
    private record Entry(FileStamp stamp, boolean settled, String digest, RecordSummary summary) {
        // Written out: a record's generated equals is bound by method handles on first call, which cost every
        // short command tens of milliseconds of start-up (docs/architecture.md, Start-up).
        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && settled == that.settled && Objects.equals(stamp, that.stamp)
                    && digest.equals(that.digest) && Objects.equals(summary, that.summary);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stamp, settled, digest, summary);
        }
    }

    /**
     * One entry's JSON, as bytes of the file it was read from (no copy per entry), with the CRC its line gave:
     * checked when the entry is used or written again, not for every line when the file is read.
     */
    private record Json(byte[] bytes, int from, int to, String expected) {
        static Json of(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return new Json(bytes, 0, bytes.length, null);
        }

        String crc() {
            return ByteRanges.crc(bytes, from, to);
        }

        boolean intact() {
            return expected == null || expected.equals(crc());
        }
    }

    private ValidationCache(Path file, String tool, String schema, long now) {
        this.file = file;
        this.indexFile = file == null ? null : file.resolveSibling(stem(file) + ".index");
        String identity = " tool=" + tool + " schema=" + schema;
        this.header = FORMAT + identity;
        this.indexHeader = INDEX_FORMAT + identity;
        this.clean = new CleanRunFile(file == null ? null : file.resolveSibling(stem(file) + ".clean"), identity);
        this.now = now;
        // With no clean run to ask, or one the last run found changes since (an edit, validate, edit loop), the index
        // is surely or likely needed: read on a thread of its own from now on, while the command sets up and lists
        // the records (the other core's time). Otherwise only once the stamps show a change.
        this.stampsLikelyToHold = file != null && clean.mayHoldOne() && !clean.likelyToMiss();
        if (file != null && !stampsLikelyToHold) {
            index();
        }
        this.stored = file == null ? Map.of() : null;
    }

    /**
     * Tells the cache that this run reads every record file in full (a query, the stats): each read asks the index
     * for the file's digest, so it starts loading now, beside the stamps pass, instead of at the first read.
     */
    public void readingEveryFile() {
        if (file != null) {
            index();
        }
    }

    /**
     * Whether this run likely finds a file changed since the clean run: there is none, or the last run's stamps did
     * not hold (an edit, validate loop). A guess: a wrong one costs time, never a wrong answer.
     */
    public boolean changeLikely() {
        return !stampsLikelyToHold;
    }

    /** A cache that knows nothing and keeps nothing (--no-cache, or no place to keep it). */
    public static ValidationCache disabled() {
        return new ValidationCache(null, "", "", 0);
    }

    /**
     * The cache kept in {@code file} (and its index beside it); missing, unreadable, damaged or written for
     * another schema or tool build, it starts empty.
     *
     * @param tool   identifies the build of the tool (its rules and its reader)
     * @param schema identifies the schema the trees were checked against
     */
    public static ValidationCache open(Path file, String tool, String schema) {
        return open(file, tool, schema, System.currentTimeMillis());
    }

    /** @param nowMillis the time the run started, against which file stamps count as settled */
    public static ValidationCache open(Path file, String tool, String schema, long nowMillis) {
        return new ValidationCache(file, tool, schema, nowMillis);
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

    /**
     * The digest of a file's content: the one recorded for it when its stamp is unchanged and was settled,
     * else the content's hash.
     *
     * @param stamp the file's stamp, taken before {@code bytes} were read (null when it could not be taken)
     */
    public String digest(Path file, FileStamp stamp, byte[] bytes) {
        Entry entry = trusted(file, stamp);
        if (entry != null) {
            return entry.digest();
        }
        hashed.incrementAndGet();
        return digest(bytes);
    }

    /**
     * The summary of a file whose stamp is unchanged and settled since it was recorded (the file then counts
     * as seen, with what the cache knew of it), or null.
     */
    public RecordSummary summary(Path file, FileStamp stamp) {
        Entry entry = trusted(file, stamp);
        if (entry == null || entry.summary() == null) {
            return null;
        }
        seen.put(key(file), entry);
        return entry.summary();
    }

    /** The summary recorded for this file when its content had this digest, or null. */
    public RecordSummary summary(Path file, String digest) {
        Entry entry = indexed().get(key(file));
        return entry != null && entry.digest().equals(digest) ? entry.summary() : null;
    }

    private Entry trusted(Path file, FileStamp stamp) {
        return trusted(key(file), stamp);
    }

    private Entry trusted(String key, FileStamp stamp) {
        if (!enabled() || stamp == null) {
            return null;
        }
        Entry entry = indexed().get(key);
        return entry != null && entry.settled() && entry.stamp().equals(stamp) ? entry : null;
    }

    /**
     * Records what this run found for a file: its stamp (taken before reading), its content's digest, and its
     * summary (null when the file gives no record). Files not seen in a run are forgotten when it saves.
     */
    public void seen(Path file, FileStamp stamp, String digest, RecordSummary summary) {
        if (!enabled() || stamp == null) {
            return;
        }
        String key = key(file);
        if (summary == null) {
            Entry before = indexed().get(key);
            summary = before != null && before.digest().equals(digest) ? before.summary() : null;
        }
        Entry entry = new Entry(stamp, stamp.settledBefore(now), digest, summary);
        seen.put(key, entry);
        if (!entry.equals(indexed().get(key))) {
            indexChanged = true;
        }
    }

    /**
     * What changed since the last validation of the whole registry that found nothing to say, on this day (dates
     * are checked against it): the files whose content is new or different, the files gone, and the summary of
     * every other file. A file's content is told by its stamp when that is unchanged and settled since it was
     * read, else by hashing it. When every file has the content it had, that validation's answer is this one's,
     * told from the stamps alone while they are settled; unless the stamps alone told, every file counts as seen
     * by this run.
     *
     * @return null when there is no such clean run, or a file's content or an unchanged file's summary is unknown
     */
    public Changes changesSinceClean(List<Path> files, LocalDate day) {
        Stamped stamped = stamped(files, day);
        if (stamped == null) {
            return null;
        }
        if (stamped.clean()) {
            return Changes.NONE;
        }
        List<Known> now = stamped.files();
        Map<String, String> before = clean.digests(day);
        if (before == null) {
            return null;
        }
        List<Path> changed = new ArrayList<>();
        Map<Path, RecordSummary> unchanged = new LinkedHashMap<>(2 * files.size());
        Set<String> present = new java.util.HashSet<>(2 * files.size());
        for (int i = 0; i < files.size(); i++) {
            Known known = now.get(i);
            present.add(known.key());
            if (!known.entry().digest().equals(before.get(known.key()))) {
                changed.add(files.get(i));
            } else if (known.entry().summary() == null) {
                return null;
            } else {
                unchanged.put(files.get(i), known.entry().summary());
            }
        }
        List<Path> removed = before.keySet().stream().filter(key -> !present.contains(key)).map(Path::of).toList();
        return new Changes(changed, removed, unchanged);
    }

    /**
     * What the cache knows of the files now, told as {@link #changesSinceClean} tells it: whether they are as the
     * clean run of this day found them, else the summary of each (null where the content is new to the cache), so
     * that a validation of a few files takes the others from them without stamping them again.
     *
     * @return null when there is no cache or a file cannot be read
     */
    public KnownNow knownNow(List<Path> files, LocalDate day) {
        Stamped stamped = stamped(files, day);
        if (stamped == null) {
            return null;
        }
        if (stamped.files() == null) {
            return new KnownNow(true, List.of()); // told by the clean run's stamps alone
        }
        List<RecordSummary> summaries = new ArrayList<>(files.size());
        stamped.files().forEach(known -> summaries.add(known.entry().summary()));
        return new KnownNow(stamped.clean(), summaries);
    }

    /**
     * @param clean     every file has the content the clean run of this day found
     * @param summaries each file's summary, in the order of the files asked about; null where unknown; none at all
     *                  when the clean run's stamps alone told that it is clean
     */
    public record KnownNow(boolean clean, List<RecordSummary> summaries) {
    }

    /**
     * The state of the clean run of this day (a SHA-256 of every file's path and content digest, and the day) when
     * every file has the content that run found, else null: what a build's outputs are made from, beside the tool
     * and the schema this cache is for. A validation of the same files later in the run reuses what this learnt.
     */
    public String cleanState(List<Path> files, LocalDate day) {
        Stamped stamped = stamped(files, day);
        return stamped != null && stamped.clean() ? stamped.state() : null;
    }

    /**
     * The digest of each file's content as the cache knows it now (by its stamp, else hashed), in the order given;
     * null when a file cannot be read or there is no cache. Asked after {@link #changesSinceClean} of the same files
     * and day, it looks at none of them again.
     */
    public List<String> digestsNow(List<Path> files, LocalDate day) {
        Stamped stamped = stamped(files, day);
        if (stamped != null && stamped.files() == null) { // told by the clean run's stamps: its digests are the files'
            Map<String, String> digests = clean.digests(day);
            List<String> inOrder = digests == null ? null : files.stream().map(file -> digests.get(key(file))).toList();
            return inOrder == null || inOrder.contains(null) ? null : inOrder;
        }
        if (stamped == null || stamped.files().size() != files.size()) {
            return null;
        }
        return stamped.files().stream().map(known -> known.entry().digest()).toList();
    }

    /**
     * The clean run's state for the files this run last asked about or found clean ({@link #cleanState},
     * {@link #rememberClean}), without looking at them again; null when they were not the clean run's.
     */
    public String lastCleanState() {
        StampedFor last = lastStamped;
        return last != null && last.answer() != null && last.answer().clean() ? last.answer().state() : null;
    }

    /**
     * What the cache knows of every file now, in the order given (null when the clean run's stamps alone told it:
     * nothing else was looked at), the state they make when it is the clean run's, and whether it is.
     */
    private record Stamped(List<Known> files, String state, boolean clean) {
    }

    /** The last {@link #stamped} answer of this run, for the same files and day asked again (build, then its validation). */
    private record StampedFor(List<Path> files, LocalDate day, Stamped answer) {
    }

    /** Every file's entry now (by its stamp, else hashed) and whether they hold the clean run's state; null as above. */
    private Stamped stamped(List<Path> files, LocalDate day) {
        if (!enabled() || files.isEmpty()) {
            return null;
        }
        StampedFor last = lastStamped;
        if (last != null && last.day().equals(day) && last.files().equals(files)) {
            return last.answer();
        }
        Stamped answer = stampedNow(files, day);
        lastStamped = new StampedFor(List.copyOf(files), day, answer);
        return answer;
    }

    private Stamped stampedNow(List<Path> files, LocalDate day) {
        int hashedBefore = hashed.get();
        List<Looked> looked = files.parallelStream().map(file -> Looked.at(file, stampsLikelyToHold)).toList();
        List<String> keys = looked.stream().map(Looked::key).toList();
        List<FileStamp> stamps = looked.stream().map(Looked::stamp).toList();
        Integer[] pathOrder = byKey(keys);
        String told = stampsLikelyToHold ? clean.stateIfStampsHold(inOrder(looked.stream().map(Looked::line).toList(), pathOrder), day) : null;
        if (told != null) {
            noteStampsHeld(true);
            return new Stamped(null, told, true); // nothing seen, nothing hashed, the index not needed
        }
        List<Known> now = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> current(files.get(i), keys.get(i), stamps.get(i))).toList();
        if (now.stream().anyMatch(known -> known.entry() == null)) {
            return null;
        }
        List<String> keysInPathOrder = inOrder(keys, pathOrder);
        List<FileStamp> stampsInPathOrder = inOrder(stamps, pathOrder);
        List<String> digestsInPathOrder = inOrder(now, pathOrder).stream().map(known -> known.entry().digest()).toList();
        String state = clean.stateIfContentsSame(keysInPathOrder, digestsInPathOrder, day);
        boolean sameState = state != null;
        boolean restamp = sameState && stampsInPathOrder.stream().allMatch(stamp -> stamp.settledBefore(this.now));
        synchronized (writing) {
            if (restamp && !writesStopped) { // stamps that moved or settled since: the next run is told by them
                clean.restamp(new CleanRunFile.Run(day, state, keysInPathOrder, digestsInPathOrder), stampsInPathOrder);
            }
        }
        noteStampsHeld(restamp);
        if (!sameState || hashed.get() != hashedBefore) { // told by the stamps alone, nothing is seen: nothing to save
            now.forEach(known -> seen.putIfAbsent(known.key(), known.entry()));
        }
        return new Stamped(now, state, sameState);
    }

    /** Whether the next run's stamps are likely to hold, for its choice of reading the index at once. */
    private void noteStampsHeld(boolean held) {
        synchronized (writing) {
            if (!writesStopped) {
                clean.stampsHeld(held);
            }
        }
    }

    /**
     * A file as the stamps pass finds it: its key, its stamp (null when unreadable), and when asked for its line in
     * the clean-run file (made on the pass's threads, as the stamps are taken).
     */
    private record Looked(String key, FileStamp stamp, byte[] line) {
        static Looked at(Path file, boolean withLine) {
            String key = ValidationCache.key(file);
            FileStamp stamp = FileStamp.of(file);
            return new Looked(key, stamp, withLine && stamp != null ? CleanRunFile.stampLine(key, stamp) : new byte[0]);
        }
    }

    /** The indices of {@code keys} in the order of the keys (the listing's order already, as a rule). */
    private static Integer[] byKey(List<String> keys) {
        Integer[] order = new Integer[keys.size()];
        boolean sorted = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sorted &= i == 0 || keys.get(i - 1).compareTo(keys.get(i)) <= 0;
        }
        if (!sorted) {
            Arrays.sort(order, java.util.Comparator.comparing(keys::get));
        }
        return order;
    }

    private static <T> List<T> inOrder(List<T> values, Integer[] order) {
        List<T> ordered = new ArrayList<>(order.length);
        for (Integer i : order) {
            ordered.add(values.get(i));
        }
        return ordered;
    }

    /** A file's key (its absolute path) and what the cache knows of its content now (null when it cannot be read). */
    private record Known(String key, Entry entry) {
    }

    /**
     * The files changed, added and removed since the last clean run, and the summaries of the others.
     *
     * @param changed   files whose content differs from the clean run's, or that it did not have, in the given order
     * @param removed   files the clean run had that are gone
     * @param unchanged every other file, with its summary
     */
    public record Changes(List<Path> changed, List<Path> removed, Map<Path, RecordSummary> unchanged) {
        static final Changes NONE = new Changes(List.of(), List.of(), Map.of());

        public boolean none() {
            return changed.isEmpty() && removed.isEmpty();
        }
    }

    /**
     * What the cache knows of a file now: its entry when its stamp is trusted (not yet counted as seen), else its
     * content hashed (and then seen by this run).
     */
    private Known current(Path file, String key, FileStamp stamp) {
        Entry trusted = trusted(key, stamp);
        if (trusted != null || stamp == null) {
            return new Known(key, trusted);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return new Known(key, null);
        }
        seen(file, stamp, digest(file, stamp, bytes), null);
        return new Known(key, seen.get(key));
    }

    /**
     * Remembers that this run's validation of exactly these files found no problem and no warning; nothing is
     * remembered when a file was not seen by this run. A file whose stamp has not settled is remembered by the
     * digest of the content this run read: {@link #changesSinceClean} trusts settled stamps only, so the next run
     * hashes it again.
     */
    public void rememberClean(List<Path> files, LocalDate day) {
        if (!enabled() || files.isEmpty()) {
            return;
        }
        List<String> keys = files.stream().map(ValidationCache::key).sorted().toList();
        List<FileStamp> stamps = new ArrayList<>(keys.size());
        List<String> digests = new ArrayList<>(keys.size());
        for (String key : keys) {
            Entry entry = seen.get(key);
            if (entry == null) {
                return;
            }
            stamps.add(entry.settled() ? entry.stamp() : null);
            digests.add(entry.digest());
        }
        String state;
        synchronized (writing) {
            state = writesStopped ? CleanRunFile.state(keys, digests, day) : clean.write(keys, stamps, digests, day);
        }
        noteStampsHeld(!stamps.contains(null)); // a stamp not yet settled is hashed by the next run: it reads the index
        // The clean run is now the contents this run read: a later question in the run is answered by it.
        lastStamped = new StampedFor(List.copyOf(files), day, new Stamped(List.of(), state, true));
    }

    /** How many file contents this run hashed (the rest were known by their stamps). */
    public int hashed() {
        return hashed.get();
    }

    /**
     * Says that this run reads only a few files in full (one-file validation and the records its comparisons
     * reach): their trees are then looked for by walking the trees file's lines (see {@link #scanned}) instead
     * of making an entry of each of its lines, which at 10,000 records (13 MB) took longer than parsing the
     * files and compiling the schema. Measured: one-file validation 651 -> 605 ms at 10,256 records, 361 ->
     * 351 ms at 256 (medians of interleaved runs, docs/architecture.md).
     */
    public void readingFewFiles(boolean few) {
        this.fewFiles = few && file != null;
    }

    /**
     * How many lookups this run answered by walking the trees file: at most {@link #FEW_WALKS}, and one more for each
     * other thread that was looking up at the moment the last of them began.
     */
    int treesFileWalks() {
        return walks.get();
    }

    /** Whether this run made an entry of every line of the trees file (a validation of the whole registry). */
    public boolean treesFileRead() {
        return file != null && stored != null;
    }

    /** The tree of a content that passed reading and the schema before, or null. */
    public JsonNode tree(String digest) {
        if (!enabled()) {
            return null;
        }
        Json json = learnt.get(digest);
        if (json == null && (stored != null || indexed().isEmpty() || index().join().digests().contains(digest))) {
            // The trees file is large: a content no file had when last seen (a new edit) is not looked for in it.
            json = stored == null && fewFiles && walks.get() < FEW_WALKS ? scanned(digest) : trees().get(digest);
        }
        if (json == null || !json.intact()) {
            return null;
        }
        JsonNode tree = RecordTrees.fromJson(json.bytes(), json.from(), json.to() - json.from());
        if (tree != null) {
            used.put(digest, json);
        }
        return tree;
    }

    /** Remembers that this content read cleanly into {@code tree} and passed the schema. */
    public void remember(String digest, JsonNode tree) {
        if (!enabled()) {
            return;
        }
        if (fewFiles && stored == null && index().join().digests().contains(digest)) {
            return; // parsed because its line was not found intact: the trees file holds a line for it already
        }
        String json = RecordTrees.toJson(tree);
        if (json != null) {
            learnt.putIfAbsent(digest, Json.of(json));
        }
    }

    /**
     * Writes what this run learnt. Entries of files no longer there, and trees no file has any more, are
     * dropped. A cache that cannot be written is skipped: it only ever saves time.
     */
    public void save() {
        if (!enabled()) {
            return;
        }
        synchronized (writing) {
            if (writesStopped) {
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                saveTrees();
                saveIndex();
            } catch (IOException | RuntimeException e) {
                // Not fatal: the next run reads the records again.
            }
        }
    }

    /**
     * From now on nothing is written (what this run learnt is dropped), and a write under way is waited for: the
     * run is about to end without the work that uses this cache, and a file cut halfway would be left behind.
     */
    public void stopWriting() {
        synchronized (writing) {
            writesStopped = true;
        }
    }

    private void saveIndex() throws IOException {
        if (seen.isEmpty()) {
            return; // a run that looked at no file (a clean run told by the stamps alone) leaves the index as it was
        }
        // Every seen entry equal to its indexed one, and as many: nothing to write.
        Map<String, Entry> indexed = indexed();
        boolean forgotten = indexed.size() > seen.size() || indexed.keySet().stream().anyMatch(path -> !seen.containsKey(path));
        if (!indexChanged && !forgotten) {
            return;
        }
        List<Map.Entry<String, Entry>> changed = seen.entrySet().stream()
                .filter(e -> !e.getValue().equals(indexed.get(e.getKey())))
                .sorted(Map.Entry.comparingByKey()).toList();
        boolean append = !forgotten && !indexed.isEmpty() && index().join().lines() + changed.size() <= 2 * seen.size() + 16;
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        List<Map.Entry<String, Entry>> lines = append ? changed
                : seen.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        for (Map.Entry<String, Entry> line : lines) {
            byte[] json = indexLine(line.getKey(), line.getValue());
            out.writeBytes((crc(json, 0, json.length) + " ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(json);
            out.write('\n');
        }
        write(indexFile, indexHeader, out, append);
    }

    private void saveTrees() throws IOException {
        Map<String, Json> known = stored;
        if (known == null) {
            // Not read this run: only what was learnt is added.
            if (!learnt.isEmpty()) {
                write(file, header, lines(learnt), headerMatches(file, header));
            }
            return;
        }
        // Live: the trees this run used, and those of every content a file had when seen.
        java.util.Set<String> live = new java.util.HashSet<>(used.keySet());
        seen.values().forEach(entry -> live.add(entry.digest()));
        Map<String, Json> added = new HashMap<>();
        learnt.forEach((digest, json) -> {
            if (!known.containsKey(digest)) {
                added.put(digest, json);
            }
        });
        // Trees no file has any more only take room: the file is rewritten without them once they are many (a
        // quarter of those alive, at least 16), not after every edit (13 MB at 10,000 records). Only a run that
        // looked at the files on disk can tell: one that read contents from Git (diff, scrape) keeps every tree.
        long dead = storedLines - known.size() + known.keySet().stream().filter(digest -> !live.contains(digest)).count();
        boolean dropped = !seen.isEmpty() && dead > Math.max(16, live.size() / 4);
        if (!dropped && added.isEmpty()) {
            return;
        }
        if (!dropped && !known.isEmpty()) {
            write(file, header, lines(added), true);
            return;
        }
        Map<String, Json> kept = new HashMap<>(added);
        known.forEach((digest, json) -> {
            if (live.contains(digest) && json.intact()) { // a damaged line is not carried over
                kept.put(digest, json);
            }
        });
        write(file, header, lines(kept), false);
    }

    private static ByteArrayOutputStream lines(Map<String, Json> trees) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        trees.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Json json = entry.getValue();
            out.writeBytes((entry.getKey() + " " + json.crc() + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(json.bytes(), json.from(), json.to() - json.from());
            out.write('\n');
        });
        return out;
    }

    /**
     * Appends lines to a file that already starts with the header, or rewrites it whole in one step; then removes
     * what rewrites stopped long ago left in the folder, which every checkout's cache shares.
     */
    private static void write(Path target, String header, ByteArrayOutputStream lines, boolean append) throws IOException {
        if (append && Files.isRegularFile(target)) {
            AtomicFiles.appendLines(target, lines.toByteArray());
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() + header.length() + 1);
            out.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
            lines.writeTo(out);
            AtomicFiles.write(target, out.toByteArray());
        }
        AtomicFiles.removeAbandonedLeftovers(target.getParent());
    }

    private static boolean headerMatches(Path target, String header) {
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        try (var in = Files.newInputStream(target)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The line of one content in the trees file, found by walking its lines without keeping them (a few files'
     * validation): making an entry of every line is what made reading 10,000 trees slow, not the bytes.
     * The first intact line wins; a digest's tree is the same on every line that holds it.
     */
    private Json scanned(String digest) {
        walks.incrementAndGet();
        byte[] key = (digest + " ").getBytes(StandardCharsets.US_ASCII);
        Json[] found = new Json[1];
        eachLine(treesBytes(), header, (bytes, start, end) -> {
            if (end - start > key.length && Arrays.equals(bytes, start, start + key.length, key, 0, key.length)) {
                int space = indexOf(bytes, (byte) ' ', start + key.length, end);
                if (space >= 0) {
                    Json json = new Json(bytes, space + 1, end,
                            new String(bytes, start + key.length, space - start - key.length, StandardCharsets.US_ASCII));
                    if (json.intact()) {
                        found[0] = json;
                        return false;
                    }
                }
            }
            return true;
        });
        return found[0];
    }

    /** The trees file's bytes, read once for all the lookups of a run; empty when there is no usable file. */
    private byte[] treesBytes() {
        byte[] bytes = scannedBytes;
        if (bytes == null) {
            synchronized (this) {
                if (scannedBytes == null) {
                    scannedBytes = body(file, header);
                    if (scannedBytes == null) {
                        scannedBytes = new byte[0];
                    }
                }
                bytes = scannedBytes;
            }
        }
        return bytes;
    }

    /** The trees file, read on first use. */
    private Map<String, Json> trees() {
        Map<String, Json> known = stored;
        if (known == null) {
            synchronized (this) {
                if (stored == null) {
                    Map<String, Json> entries = new HashMap<>();
                    storedLines = loadTrees(file, header, entries);
                    stored = entries;
                }
                known = stored;
            }
        }
        return known;
    }

    /** Reads the trees file into {@code entries}; returns how many lines it holds (damaged ones included). */
    private static int loadTrees(Path file, String header, Map<String, Json> entries) {
        return eachLine(body(file, header), header, (bytes, start, end) -> {
            int first = indexOf(bytes, (byte) ' ', start, end);
            int second = first < 0 ? -1 : indexOf(bytes, (byte) ' ', first + 1, end);
            if (second >= 0) {
                entries.put(new String(bytes, start, first - start, StandardCharsets.US_ASCII),
                        new Json(bytes, second + 1, end, new String(bytes, first + 1, second - first - 1, StandardCharsets.US_ASCII)));
            }
            return true;
        });
    }

    /** Reads the index into {@code entries} (a later line for a path wins); returns how many lines it holds. */
    private static int loadIndex(Path file, String header, Map<String, Entry> entries) {
        byte[] bytes = body(file, header);
        if (bytes == null) {
            return 0;
        }
        // In two halves, one per core: the index is read once a run finds files changed since the clean run (the
        // stamps tell so only after they are all taken), and the rest of that run waits for it.
        int from = header.getBytes(StandardCharsets.UTF_8).length + 1;
        int half = from >= bytes.length ? -1 : indexOf(bytes, (byte) '\n', from + (bytes.length - from) / 2, bytes.length);
        int middle = half < 0 ? bytes.length : half + 1;
        Map<String, Entry> later = new HashMap<>();
        java.util.concurrent.CompletableFuture<Integer> secondHalf = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> eachLine(bytes, middle, bytes.length, indexLines(later)), task -> Background.start("validation-cache-index-2", task));
        int lines = eachLine(bytes, from, middle, indexLines(entries));
        lines += secondHalf.join();
        entries.putAll(later); // a later line for a path wins
        return lines;
    }

    private static LineReader indexLines(Map<String, Entry> entries) {
        return (bytes, start, end) -> {
            int space = indexOf(bytes, (byte) ' ', start, end);
            if (space >= 0 && new String(bytes, start, space - start, StandardCharsets.US_ASCII).equals(crc(bytes, space + 1, end))) {
                readIndexLine(bytes, space + 1, end, entries);
            }
            return true;
        };
    }

    /** One whole line of a cache file: {@code bytes[start, end)}, without its line break; false stops the walk. */
    private interface LineReader {
        boolean line(byte[] bytes, int start, int end);
    }

    /**
     * Gives each whole line after the header of a cache file's bytes (null: no usable file) to {@code reader},
     * until it says stop; returns how many lines were walked, a cut last line included (it is not given: it was
     * being written when the writer stopped).
     */
    private static int eachLine(byte[] bytes, String header, LineReader reader) {
        return bytes == null ? 0 : eachLine(bytes, header.getBytes(StandardCharsets.UTF_8).length + 1, bytes.length, reader);
    }

    /** As {@link #eachLine(byte[], String, LineReader)}, for the lines from {@code from} (a line's start) to {@code to}. */
    private static int eachLine(byte[] bytes, int from, int to, LineReader reader) {
        int lines = 0;
        int end;
        for (int start = from; start < to; start = end + 1) {
            end = indexOf(bytes, (byte) '\n', start, to);
            lines++;
            if (end < 0 || !reader.line(bytes, start, end)) {
                break;
            }
        }
        return lines;
    }

    /** The file's bytes when it starts with the header, else null. */
    private static byte[] body(Path file, String header) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        byte[] expected = (header + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length < expected.length || !Arrays.equals(bytes, 0, expected.length, expected, 0, expected.length)) {
            return null;
        }
        return bytes;
    }

    /**
     * One file as one line of tab-separated fields: path, size, modified, changed, key, settled, digest, then
     * (when the file gives a record) id, name, aliases, publication date, references. Text is escaped so it
     * holds no tab or line break; a list's items are separated by U+001F; "-" stands for a missing value.
     * (Written and read by hand: a JSON parser per line was a quarter of a one-file validation.)
     */
    private static byte[] indexLine(String path, Entry entry) {
        StringBuilder line = pathAndStamp(new StringBuilder(256), path, entry.stamp());
        line.append('\t').append(entry.settled() ? '1' : '0').append('\t').append(entry.digest());
        RecordSummary summary = entry.summary();
        if (summary != null) {
            line.append('\t').append(nullable(summary.id())).append('\t').append(nullable(summary.name()))
                    .append('\t').append(list(summary.aliases())).append('\t')
                    .append(summary.publicationDate() == null ? "-" : "=" + summary.publicationDate())
                    .append('\t').append(list(summary.references()));
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads one index line; anything not exactly as written is skipped (a miss). */
    private static void readIndexLine(byte[] bytes, int from, int to, Map<String, Entry> entries) {
        // Fields are cut from the bytes directly (a tab is never part of a UTF-8 sequence): making the line
        // one string and splitting it copied every line twice, a sixth of a one-file validation.
        int[] starts = new int[13];
        int count = 0;
        starts[count++] = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\t') {
                if (count == 12) {
                    return;
                }
                starts[count++] = i + 1;
            }
        }
        starts[count] = to + 1;
        if (count != 7 && count != 12 || starts[6] - starts[5] != 2 || bytes[starts[5]] != '0' && bytes[starts[5]] != '1') {
            return;
        }
        try {
            FileStamp stamp = new FileStamp(number(bytes, starts[1], starts[2] - 1), number(bytes, starts[2], starts[3] - 1),
                    number(bytes, starts[3], starts[4] - 1), unescape(field(bytes, starts, 4)));
            RecordSummary summary = null;
            if (count == 12) {
                String id = nullableField(field(bytes, starts, 7));
                if (id == null) {
                    return;
                }
                summary = new RecordSummary(id, nullableField(field(bytes, starts, 8)), list(field(bytes, starts, 9)),
                        date(field(bytes, starts, 10)), list(field(bytes, starts, 11)));
            }
            entries.put(unescape(field(bytes, starts, 0)), new Entry(stamp, bytes[starts[5]] == '1', field(bytes, starts, 6), summary));
        } catch (RuntimeException e) {
            // a damaged line: a miss
        }
    }

    private static String field(byte[] bytes, int[] starts, int index) {
        return new String(bytes, starts[index], starts[index + 1] - 1 - starts[index], StandardCharsets.UTF_8);
    }

    /** A decimal long as Long.toString writes it, read from the bytes; anything else is not a number. */
    private static long number(byte[] bytes, int from, int to) {
        boolean negative = from < to && bytes[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 19) {
            throw new NumberFormatException("not a stamp number");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not a stamp number");
            }
            // Kept negative, as Long.parseLong does, so Long.MIN_VALUE (an unknown time) reads back; overflow throws (a miss).
            value = Math.subtractExact(Math.multiplyExact(value, 10), digit);
        }
        return negative ? value : Math.negateExact(value);
    }

    private static String nullable(String text) {
        if (text == null) {
            return "-";
        }
        return "=" + escape(text);
    }

    private static String nullableField(String field) {
        if (field.equals("-")) {
            return null;
        }
        if (!field.startsWith("=")) {
            throw new IllegalArgumentException("not a field");
        }
        return unescape(field.substring(1));
    }

    private static LocalDate date(String field) {
        String text = nullableField(field);
        if (text == null) {
            return null;
        }
        // yyyy-MM-dd as LocalDate.toString writes it (the formatter was a tenth of reading the index)
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return LocalDate.parse(text);
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    private static String list(List<String> values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            joined.append('\u001f').append(escape(value));
        }
        return joined.toString();
    }

    private static List<String> list(String field) {
        if (field.isEmpty()) {
            return List.of();
        }
        if (field.charAt(0) != '\u001f') {
            throw new IllegalArgumentException("not a list");
        }
        List<String> values = new ArrayList<>();
        int start = 1;
        while (true) {
            int next = field.indexOf('\u001f', start);
            values.add(unescape(next < 0 ? field.substring(start) : field.substring(start, next)));
            if (next < 0) {
                return values;
            }
            start = next + 1;
        }
    }

    static String escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0
                && text.indexOf('\u001f') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u001f' -> out.append("\\u");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'u' -> '\u001f';
                default -> throw new IllegalArgumentException("not an escape");
            });
        }
        return out.toString();
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /**
     * A file's path and stamp as the cache's files write them (the index, the clean run, the schema's digest):
     * path, size, modification and change times, key, separated by tabs, the text escaped.
     */
    static StringBuilder pathAndStamp(StringBuilder line, String path, FileStamp stamp) {
        return line.append(escape(path)).append('\t').append(stamp.size()).append('\t').append(stamp.modified())
                .append('\t').append(stamp.changed()).append('\t').append(escape(stamp.key()));
    }

    /** The cache file's name without its ending: the files kept beside it are named from it. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ValidationCache[" + Objects.toString(file) + "]";
    }
}
