package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.StandIns;

/**
 * The rows the last build into a folder wrote, as bytes of its outputs, found by output, record id and the digest
 * of the record's content. An output is used only when its content is still exactly what that build wrote (its
 * size and CRC-32C, read now, not trusted from its stamp), so a row found is what this build would make again for
 * the same record with the same tool and site options. A record whose content is unchanged need not be read at
 * all: the build takes it as the outline the last build kept ({@link #standIn}).
 */
public final class PreviousRows implements StandIns {
    private static final PreviousRows NONE = new PreviousRows(Map.of(), Map.of(), false, null, RowIndex.Slots.NONE);

    private final Map<String, RecordOutline> outlines;
    private final Map<String, Kept> outputs;
    /** Whether every output with rows is as the last build wrote it, so a record's rows are all there to copy. */
    private final boolean complete;
    private final String skeleton;
    /** The index's bytes, with each record's content digest as the last build read it. */
    private final RowIndex.Slots slots;
    private final Set<LoadedRecord> standIns = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** An output's content as the last build wrote it, with the place of each record's row. */
    private record Kept(byte[] content, Map<String, RowIndex.Position> rows) {
    }

    private PreviousRows(Map<String, RecordOutline> outlines, Map<String, Kept> outputs, boolean complete, String skeleton,
                         RowIndex.Slots slots) {
        this.outlines = outlines;
        this.outputs = outputs;
        this.complete = complete;
        this.skeleton = skeleton;
        this.slots = slots;
    }

    public static PreviousRows none() {
        return NONE;
    }

    /**
     * The rows of the last build into {@code folder} with this environment, from its index when there is one: of
     * the outputs that still hold what that build wrote.
     */
    static PreviousRows read(Optional<Path> index, Path folder, String environment) {
        return index.flatMap(file -> RowIndex.read(file, folder.toString(), environment)).map(PreviousRows::of).orElse(NONE);
    }

    /** The rows of the outputs in {@code index}'s folder that still hold what the indexed build wrote. */
    static PreviousRows of(RowIndex index) {
        Map<String, Kept> outputs = new HashMap<>();
        for (RowIndex.Output output : index.outputs()) {
            byte[] content = readAsWritten(Path.of(index.folder()).resolve(output.name()), output);
            if (content != null) {
                outputs.put(output.name(), new Kept(content, output.rows()));
            }
        }
        boolean complete = outputs.keySet().containsAll(Publisher.ROW_OUTPUTS);
        return outputs.isEmpty() ? NONE : new PreviousRows(index.outlines(), outputs, complete, index.skeleton(), index.slots());
    }

    /**
     * The record in {@code file} as the last build kept it ({@link RecordOutline#standIn}), when its content is the
     * one that build read and every one of its rows can be copied; else null.
     */
    @Override
    public LoadedRecord standIn(Path file, String digest) {
        String id = RegistryLayout.idOf(file.getFileName().toString());
        if (!complete || !slots.hold(id, digest)) {
            return null;
        }
        LoadedRecord standIn = LoadedRecord.standIn(outlines.get(id).standIn(), file, digest);
        standIns.add(standIn);
        return standIn;
    }

    /**
     * The page without its rows as the last build made it, when this build's records are the same ones with the
     * same outlines: the page around the rows is made of the outlines alone ({@link RecordOutline}), with the tool
     * and the site's options the index was read for. Null otherwise.
     */
    String skeletonFor(List<LoadedRecord> records) {
        if (skeleton == null || !complete || records.size() != outlines.size()) {
            return null;
        }
        for (LoadedRecord record : records) {
            RecordOutline before = outlines.get(record.id());
            if (before == null || !(isStandIn(record) || before.equals(RecordOutline.of(record.record())))) {
                return null;
            }
        }
        return skeleton;
    }

    /** The records' outlines and digests as the last build's index holds them, to be written again as they are. */
    RowIndex.Slots slots() {
        return slots;
    }

    /** Whether this record is one of the stand-ins given ({@link #standIn}), whose rows can only be copied. */
    boolean isStandIn(LoadedRecord record) {
        return standIns.contains(record);
    }

    /** The file's content when its size and CRC are the output's, else null. */
    private static byte[] readAsWritten(Path file, RowIndex.Output output) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != output.size()) {
                return null;
            }
            byte[] content = Files.readAllBytes(file);
            CRC32C crc = new CRC32C();
            crc.update(content);
            return content.length == output.size() && crc.getValue() == output.crc() ? content : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The row {@code output} held for record {@code id} when its content had {@code digest}; null when there is none. */
    RowBytes find(String output, String id, String digest) {
        Kept kept = outputs.get(output);
        if (kept == null || !slots.hold(id, digest)) {
            return null;
        }
        RowIndex.Position position = kept.rows().get(id);
        return position == null ? null : new RowBytes(kept.content(), (int) position.offset(), position.length(), true);
    }
}
