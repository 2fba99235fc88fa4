package org.frontierregistry.tracker.publish;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * One build's rows: each record's row of an output is copied from the last build into the folder when the
 * record's content is unchanged, else made; and where each row of this build went is kept for the next one.
 * Every output is one record's row after another with text between them that depends on all records (the CSV
 * header, the site around its tables); a row depends on its record alone, given the tool and the site's options,
 * so a copied row is byte for byte the row that would be made.
 */
public final class RowReuse {
    private final PreviousRows previous;
    private final String environment;
    private final Map<String, String> digests;
    private final Map<String, ModelRecord> records;
    private final Set<String> standIns;
    private final String skeletonToReuse;
    private volatile String skeleton;
    private final Map<String, Map<String, RowIndex.Position>> positions = new ConcurrentHashMap<>();
    private final Map<String, long[]> writtenWhole = new ConcurrentHashMap<>();
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();

    private RowReuse(PreviousRows previous, String environment, Map<String, String> digests, Map<String, ModelRecord> records,
                     Set<String> standIns, String skeletonToReuse) {
        this.skeletonToReuse = skeletonToReuse;
        this.previous = previous;
        this.environment = environment;
        this.records = records;
        this.standIns = standIns;
        this.digests = digests;
    }

    /** Every row made; nothing kept. */
    public static RowReuse none() {
        return new RowReuse(PreviousRows.none(), "", Map.of(), Map.of(), Set.of(), null);
    }

    /**
     * @param previous    the last build's rows (and stand-ins) in the output folder
     * @param environment what rows depend on besides their records ({@link LastBuild#environment})
     * @param records     this build's records; those without a content digest always have their rows made
     */
    static RowReuse of(PreviousRows previous, String environment, List<LoadedRecord> records) {
        Map<String, String> digests = new HashMap<>(records.size() * 2);
        Map<String, ModelRecord> kept = new HashMap<>(records.size() * 2);
        Set<String> standIns = new HashSet<>();
        for (LoadedRecord record : records) {
            if (previous.isStandIn(record)) {
                standIns.add(record.id());
            }
            if (RowIndex.digestAllowed(record.contentDigest())) {
                digests.put(record.id(), record.contentDigest());
                kept.put(record.id(), record.record());
            }
        }
        return new RowReuse(previous, environment, digests, kept, standIns, previous.skeletonFor(records));
    }

    /** A writer of one output's text and rows into {@code out}. */
    public RowWriter writer(String output, OutputStream out) {
        return new RowWriter(output, out, this);
    }

    /** The row the last build wrote for this record of this output when its content is unchanged; else null. */
    RowBytes previous(String output, String id) {
        RowBytes row = previous.find(output, id, digests.get(id));
        if (row == null && standIns.contains(id)) {
            throw new IllegalStateException("the row of " + id + " in " + output + " was to be copied from the last build"
                    + " but is not there; build again with --no-cache");
        }
        return row;
    }

    void placed(String output, String id, long offset, int length, boolean wasCopied) {
        (wasCopied ? copied : made).incrementAndGet();
        if (digests.containsKey(id)) {
            positions.computeIfAbsent(output, name -> new ConcurrentHashMap<>()).put(id, new RowIndex.Position(offset, length));
        }
    }

    void written(String output, long size, long crc) {
        writtenWhole.put(output, new long[] {size, crc});
    }

    /** The size and CRC-32C of an output as its writer wrote it whole, or null. */
    long[] writtenWhole(String output) {
        return writtenWhole.get(output);
    }

    /** The records of this build taken as the last build kept them, by id: their rows are all copied. */
    public Set<String> standIns() {
        return standIns;
    }

    /**
     * The page without its rows as the last build made it, when this build's would be the same (the same records
     * with the same outlines, tool and site options); else null, and the page makes its own.
     */
    public String skeletonToReuse() {
        return skeletonToReuse;
    }

    /** The page without its rows as this build wrote it, kept for the next build. */
    public void skeleton(String text) {
        skeleton = text;
    }

    /** Whether this build's page around its rows is the last build's. */
    public boolean skeletonReused() {
        return skeletonToReuse != null && skeletonToReuse.equals(skeleton);
    }

    /** How many rows of this build were copied from the last build. */
    public int copied() {
        return copied.get();
    }

    /** How many rows of this build were made. */
    public int made() {
        return made.get();
    }

    /** The index of this build's rows, given each output's size and CRC-32C as written. */
    RowIndex index(Path folder, Map<String, long[]> sizeAndCrc) {
        List<RowIndex.Output> outputs = positions.entrySet().stream()
                .filter(output -> sizeAndCrc.containsKey(output.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(output -> new RowIndex.Output(output.getKey(), sizeAndCrc.get(output.getKey())[0],
                        sizeAndCrc.get(output.getKey())[1], output.getValue()))
                .toList();
        RowIndex.Slots slots = previous.slots();
        Map<String, RecordOutline> outlines = new HashMap<>();
        records.forEach((id, record) -> {
            if (!slots.hold(id, digests.get(id))) {
                outlines.put(id, RecordOutline.of(record));
            }
        });
        return new RowIndex(folder.toString(), environment, digests, outlines, outputs, skeleton, slots);
    }

    boolean keepsPositions() {
        return !digests.isEmpty();
    }
}
