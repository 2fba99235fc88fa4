package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The rows the last build into a folder wrote, as bytes of its outputs, found by output, record id and the digest
 * of the record's content. An output is used only when its content is still exactly what that build wrote (its
 * size and CRC-32C, read now, not trusted from its stamp), so a row found is what this build would make again for
 * the same record with the same tool and site options.
 */
final class PreviousRows {
    private static final PreviousRows NONE = new PreviousRows(Map.of(), Map.of());

    private final Map<String, String> digests;
    private final Map<String, Kept> outputs;

    /** An output's content as the last build wrote it, with the place of each record's row. */
    private record Kept(byte[] content, Map<String, RowIndex.Position> rows) {
    }

    private PreviousRows(Map<String, String> digests, Map<String, Kept> outputs) {
        this.digests = digests;
        this.outputs = outputs;
    }

    static PreviousRows none() {
        return NONE;
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
        return outputs.isEmpty() ? NONE : new PreviousRows(index.digests(), outputs);
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
    Row find(String output, String id, String digest) {
        Kept kept = outputs.get(output);
        if (kept == null || digest == null || !digest.equals(digests.get(id))) {
            return null;
        }
        RowIndex.Position position = kept.rows().get(id);
        return position == null ? null : new Row(kept.content(), (int) position.offset(), position.length());
    }

    boolean isEmpty() {
        return outputs.isEmpty();
    }

    /** A row's bytes: a range of an output's content. */
    record Row(byte[] bytes, int offset, int length) {
    }
}
