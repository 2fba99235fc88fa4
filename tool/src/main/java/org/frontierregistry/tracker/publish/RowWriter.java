package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Writes one output as UTF-8: text that depends on all records, and each record's row, copied from the last
 * build when its record is unchanged ({@link RowReuse}). Counts the bytes written, so that each row's place can be
 * kept for the next build.
 */
public final class RowWriter {
    private final String output;
    private final OutputStream out;
    private final RowReuse reuse;
    /** The CRC-32C of what was written, when the build is remembered: it need not read its outputs back for it. */
    private final CRC32C crc;
    private long written;

    RowWriter(String output, OutputStream out, RowReuse reuse) {
        this.output = output;
        this.out = out;
        this.reuse = reuse;
        this.crc = reuse.keepsPositions() ? new CRC32C() : null;
    }

    public void text(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** The row of record {@code id}: the last build's when the record is unchanged, else {@code make}'s. */
    public void row(String id, Supplier<String> make) throws IOException {
        write(id, rowOf(id, make));
    }

    /** The row of record {@code id}, copied or made, not yet written: safe from any thread. */
    public RowBytes rowOf(String id, Supplier<String> make) {
        RowBytes previous = reuse.previous(output, id);
        return previous != null ? previous : RowBytes.made(make.get());
    }

    /** Writes a row of {@link #rowOf}, in the output's order. */
    public void write(String id, RowBytes row) throws IOException {
        reuse.placed(output, id, written, row.length(), row.copied());
        write(row.bytes(), row.offset(), row.length());
    }

    /** Says the output is whole: what was written is all of it. */
    public void finish() {
        if (crc != null) {
            reuse.written(output, written, crc.getValue());
        }
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        if (crc != null) {
            crc.update(bytes, offset, length);
        }
        written += length;
    }
}
