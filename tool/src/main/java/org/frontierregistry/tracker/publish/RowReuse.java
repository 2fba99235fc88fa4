package org.frontierregistry.tracker.publish;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.frontierregistry.tracker.record.LoadedRecord;

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
    private final Map<String, Map<String, RowIndex.Position>> positions = new ConcurrentHashMap<>();
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();

    private RowReuse(PreviousRows previous, String environment, Map<String, String> digests) {
        this.previous = previous;
        this.environment = environment;
        this.digests = digests;
    }

    /** Every row made; nothing kept. */
    public static RowReuse none() {
        return new RowReuse(PreviousRows.none(), "", Map.of());
    }

    /**
     * @param last    where the last build's rows are indexed; empty when there is no such index to read
     * @param folder  the output folder (its outputs are the last build's rows)
     * @param environment what rows depend on besides their records ({@link LastBuild#environment})
     * @param records this build's records; those without a content digest always have their rows made
     */
    static RowReuse of(Optional<Path> last, Path folder, String environment, List<LoadedRecord> records) {
        Map<String, String> digests = new HashMap<>(records.size() * 2);
        for (LoadedRecord record : records) {
            if (RowIndex.digestAllowed(record.contentDigest())) {
                digests.put(record.id(), record.contentDigest());
            }
        }
        PreviousRows previous = last.flatMap(file -> RowIndex.read(file, folder.toString(), environment))
                .map(PreviousRows::of).orElse(PreviousRows.none());
        return new RowReuse(previous, environment, digests);
    }

    /** A writer of one output's text and rows into {@code out}. */
    public RowWriter writer(String output, OutputStream out) {
        return new RowWriter(output, out, this);
    }

    /** The row the last build wrote for this record of this output when its content is unchanged; else null. */
    PreviousRows.Row previous(String output, String id) {
        return previous.find(output, id, digests.get(id));
    }

    void placed(String output, String id, long offset, int length, boolean wasCopied) {
        (wasCopied ? copied : made).incrementAndGet();
        if (digests.containsKey(id)) {
            positions.computeIfAbsent(output, name -> new ConcurrentHashMap<>()).put(id, new RowIndex.Position(offset, length));
        }
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
        return new RowIndex(folder.toString(), environment, digests, outputs);
    }

    boolean keepsPositions() {
        return !digests.isEmpty();
    }
}
