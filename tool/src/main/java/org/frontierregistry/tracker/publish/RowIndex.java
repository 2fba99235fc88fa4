package org.frontierregistry.tracker.publish;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.BinaryFields;

/**
 * Where each record's row sits in each output a build wrote, with each output's size and CRC-32C and the digest of
 * every record's content: kept beside the last build's record so that the next build into the same folder can copy
 * the rows of records that did not change. Binary, as it holds a row per record and output (about 3.7 MB for
 * 10,000 records, with each record's outline and the page around the rows); anything that does not read back whole and as written is no index at all.
 *
 * @param folder      the output folder the rows are in
 * @param environment what the rows depend on besides their records (the tool build and the site's options)
 * @param digests     each record's content digest, by record id
 * @param outlines    what the build needs of each record whose rows it copies, by record id (as {@code digests})
 * @param outputs     the outputs with rows
 * @param skeleton    the page without its rows (see SitePage), as that build made it; null when not kept
 * @param slots       where each record's outline and digest sit in the index read; written as they are for the
 *                    records whose content is unchanged, whose outlines need not be in {@code outlines}
 */
record RowIndex(String folder, String environment, Map<String, String> digests, Map<String, RecordOutline> outlines,
                List<Output> outputs, String skeleton, Slots slots) {
    static final String FORMAT = "tracker-rows 4";
    private static final HexFormat HEX = HexFormat.of();
    private static final int DIGEST_BYTES = 32;

    /** A row's place in its output. */
    record Position(long offset, int length) {
    }

    /** The bytes of an index read, and where each record's outline and digest are in them, by record id. */
    record Slots(byte[] bytes, Map<String, int[]> ranges, Map<String, String> digests) {
        static final Slots NONE = new Slots(new byte[0], Map.of(), Map.of());

        /** Whether the index read holds record {@code id} with this content digest. */
        boolean hold(String id, String digest) {
            return digest != null && digest.equals(digests.get(id)) && ranges.containsKey(id);
        }
    }

    /** An output as written: its size and CRC-32C, and the place of each record's row in it, by record id. */
    record Output(String name, long size, long crc, Map<String, Position> rows) {
    }

    void write(Path file) throws IOException {
        List<String> ids = new ArrayList<>(digests.keySet());
        Map<String, Integer> number = new HashMap<>();
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
            out.writeUTF(FORMAT);
            out.writeUTF(folder);
            out.writeUTF(environment);
            out.writeInt(ids.size());
            for (String id : ids) {
                number.put(id, number.size());
                if (slots.hold(id, digests.get(id))) {
                    int[] range = slots.ranges().get(id);
                    out.write(slots.bytes(), range[0], range[1] - range[0]);
                } else {
                    outlines.get(id).write(out);
                    out.write(HEX.parseHex(digests.get(id)));
                }
            }
            out.writeInt(outputs.size());
            for (Output output : outputs) {
                out.writeUTF(output.name());
                out.writeLong(output.size());
                out.writeLong(output.crc());
                List<Map.Entry<String, Position>> kept = output.rows().entrySet().stream()
                        .filter(row -> number.containsKey(row.getKey())).toList();
                out.writeInt(kept.size());
                for (Map.Entry<String, Position> row : kept) {
                    out.writeInt(number.get(row.getKey()));
                    out.writeLong(row.getValue().offset());
                    out.writeInt(row.getValue().length());
                }
            }
            out.writeBoolean(skeleton != null);
            if (skeleton != null) {
                byte[] text = skeleton.getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            out.flush();
        });
    }

    /** The index in {@code file} when it is whole and of this folder and environment; else empty. */
    static Optional<RowIndex> read(Path file, String folder, String environment) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (!in.readUTF().equals(FORMAT) || !in.readUTF().equals(folder) || !in.readUTF().equals(environment)) {
                return Optional.empty();
            }
            int count = BinaryFields.count(in);
            String[] ids = new String[count];
            Map<String, String> digests = new HashMap<>(count * 2);
            Map<String, RecordOutline> outlines = new HashMap<>(count * 2);
            Map<String, int[]> ranges = new HashMap<>(count * 2);
            byte[] digest = new byte[DIGEST_BYTES];
            for (int i = 0; i < count; i++) {
                int start = bytes.length - in.available();
                RecordOutline outline = RecordOutline.read(in);
                ids[i] = outline.summary().id();
                in.readFully(digest);
                digests.put(ids[i], HEX.formatHex(digest));
                outlines.put(ids[i], outline);
                ranges.put(ids[i], new int[] {start, bytes.length - in.available()});
            }
            int outputCount = BinaryFields.count(in);
            List<Output> outputs = new ArrayList<>(outputCount);
            for (int o = 0; o < outputCount; o++) {
                String name = in.readUTF();
                long size = in.readLong();
                long crc = in.readLong();
                int rowCount = BinaryFields.count(in);
                Map<String, Position> rows = new HashMap<>(rowCount * 2);
                for (int r = 0; r < rowCount; r++) {
                    int record = in.readInt();
                    Position position = new Position(in.readLong(), in.readInt());
                    if (record < 0 || record >= count || position.offset() < 0 || position.length() < 0
                            || position.offset() + position.length() > size) {
                        return Optional.empty();
                    }
                    rows.put(ids[record], position);
                }
                outputs.add(new Output(name, size, crc, rows));
            }
            String skeleton = null;
            if (in.readBoolean()) {
                byte[] text = new byte[BinaryFields.count(in)];
                in.readFully(text);
                skeleton = new String(text, StandardCharsets.UTF_8);
            }
            return in.read() == -1 ? Optional.of(new RowIndex(folder, environment, digests, outlines, outputs, skeleton,
                    new Slots(bytes, ranges, digests)))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // cut short or damaged: the build makes every row
        }
    }

    /** Whether a digest can be kept in the index (the validation cache's SHA-256 in hex). */
    static boolean digestAllowed(String digest) {
        return digest != null && digest.length() == 2 * DIGEST_BYTES && digest.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
