package org.frontierregistry.tracker.trend;

import static org.frontierregistry.tracker.io.BinaryFields.count;
import static org.frontierregistry.tracker.io.BinaryFields.readDouble;
import static org.frontierregistry.tracker.io.BinaryFields.readInteger;
import static org.frontierregistry.tracker.io.BinaryFields.readStrings;
import static org.frontierregistry.tracker.io.BinaryFields.writeDouble;
import static org.frontierregistry.tracker.io.BinaryFields.writeInteger;
import static org.frontierregistry.tracker.io.BinaryFields.writeStrings;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.ByteRanges;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * The last trend report of a registry for one use of it (the site, {@code stats --trends}), remembered outside the
 * repository (beside the validation cache) and reused while everything it was computed from is the same: each
 * counted model's id, date, p_above and headline compute, the ids not counted, the as-of day, the settings and the
 * build of the tool. The trends are a third of a build of the repository (10,000 simulated worlds and 2,000
 * bootstrap resamples, all seeded, so the same inputs always give the same report), and most changes to records
 * (sources, reasoning, names, review) leave those inputs alone.
 *
 * <p>The file holds a header line, the inputs as text (compared whole with this run's, so no two inputs can be
 * taken for each other), and the report in a fixed binary order (each double's exact bits). The header gives both
 * parts' lengths and a CRC-32 of them: a file that is missing, cut, damaged or for other inputs is a miss, and the
 * trends are computed and the file replaced in one step. (A JSON form read through Jackson's data binding cost
 * more at start-up than half the computation it saved.)
 */
public final class TrendCache {
    static final String FORMAT = "tracker-trends 3";

    private final Path file;
    private final String tool;

    private TrendCache(Path file, String tool) {
        this.file = file;
        this.tool = tool;
    }

    /** @param tool identifies the build of the tool (a new build may compute the trends differently) */
    public static TrendCache at(Path file, String tool) {
        return new TrendCache(file, tool);
    }

    /** Computes the trends every time. */
    public static TrendCache none() {
        return new TrendCache(null, "");
    }

    public TrendReport report(List<ModelRecord> records, LocalDate asOf, TrendSettings settings) {
        Trends.Inputs inputs = Trends.inputs(records, asOf);
        if (file == null) {
            return Trends.of(inputs, asOf, settings);
        }
        byte[] key = key(inputs, asOf, settings);
        TrendReport kept = read(key);
        if (kept != null) {
            return kept;
        }
        TrendReport report = Trends.of(inputs, asOf, settings);
        write(key, report);
        return report;
    }

    /**
     * A SHA-256 of everything the report is computed from, in binary: 10,000 models written out as text cost tens of
     * milliseconds of number formatting on every build, and a 500 KB key to read back and compare.
     */
    private byte[] key(Trends.Inputs inputs, LocalDate asOf, TrendSettings settings) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (DataOutputStream key = new DataOutputStream(new BufferedOutputStream(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha256), 1 << 16))) {
            key.writeUTF(tool);
            key.writeUTF(asOf.toString());
            key.writeUTF(settings.toString());
            key.writeInt(inputs.models().size());
            for (ModelPoint m : inputs.models()) {
                key.writeUTF(m.id());
                key.writeLong(m.date().toEpochDay());
                key.writeDouble(m.pAbove());
                key.writeBoolean(m.flop() != null);
                key.writeDouble(m.flop() == null ? 0 : m.flop());
            }
            key.writeInt(inputs.notCounted().size());
            for (String id : inputs.notCounted()) {
                key.writeUTF(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no I/O: the bytes only reach the digest
        }
        return sha256.digest();
    }

    private TrendReport read(byte[] key) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int newline = ByteRanges.indexOf(bytes, (byte) '\n', 0, bytes.length);
            String[] header = newline < 0 ? new String[0] : new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
            if (header.length != 5 || !(header[0] + " " + header[1]).equals(FORMAT)) {
                return null;
            }
            int keyLength = Integer.parseInt(header[2]);
            int reportLength = Integer.parseInt(header[3]);
            int start = newline + 1;
            if (keyLength != key.length || bytes.length != start + keyLength + reportLength
                    || !header[4].equals(ByteRanges.crc(bytes, start, bytes.length))
                    || !Arrays.equals(bytes, start, start + keyLength, key, 0, key.length)) {
                return null;
            }
            return Binary.read(new DataInputStream(new ByteArrayInputStream(bytes, start + keyLength, reportLength)));
        } catch (IOException | RuntimeException e) {
            return null; // missing, unreadable or damaged: computed again
        }
    }

    private void write(byte[] key, TrendReport report) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(4096 + key.length);
            body.write(key);
            DataOutputStream data = new DataOutputStream(body);
            Binary.write(report, data);
            data.flush();
            byte[] rest = body.toByteArray();
            byte[] header = (FORMAT + " " + key.length + " " + (rest.length - key.length) + " " + ByteRanges.crc(rest, 0, rest.length) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] content = Arrays.copyOf(header, header.length + rest.length);
            System.arraycopy(rest, 0, content, header.length, rest.length);
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, content);
            AtomicFiles.removeAbandonedLeftovers(file.getParent()); // the folder every checkout's trends share
        } catch (IOException | RuntimeException e) {
            // Not fatal: the next run computes the trends again.
        }
    }

    /** The report's fields in their declared order; a nullable value is preceded by whether it is there. */
    static final class Binary {
        private Binary() {
        }

        static void write(TrendReport r, DataOutputStream out) throws IOException {
            out.writeUTF(r.asOf().toString());
            TrendSettings s = r.settings();
            out.writeInt(s.frontierTop());
            out.writeInt(s.simulations());
            out.writeInt(s.resamples());
            out.writeLong(s.seed());
            out.writeInt(r.counted());
            writeStrings(r.notCounted(), out);
            out.writeInt(r.quarters().size());
            for (QuarterCount q : r.quarters()) {
                out.writeInt(q.quarter().year());
                out.writeInt(q.quarter().number());
                out.writeBoolean(q.complete());
                out.writeBoolean(q.fitted());
                out.writeDouble(q.expected());
                out.writeInt(q.low());
                out.writeInt(q.high());
                out.writeDouble(q.cumulativeExpected());
                out.writeInt(q.cumulativeLow());
                out.writeInt(q.cumulativeHigh());
            }
            writeStrings(r.frontier(), out);
            writeGrowth(r.frontierGrowth(), out);
            writeGrowth(r.countGrowth(), out);
            out.writeInt(r.projections().size());
            for (Projection p : r.projections()) {
                out.writeInt(p.yearsAhead());
                out.writeUTF(p.date().toString());
                writeDouble(p.countExpected(), out);
                writeInteger(p.countLow(), out);
                writeInteger(p.countHigh(), out);
                writeDouble(p.frontierFlop(), out);
                writeDouble(p.frontierLow(), out);
                writeDouble(p.frontierHigh(), out);
            }
            out.writeInt(r.frontierByTop().size());
            for (Map.Entry<Integer, Growth> top : r.frontierByTop().entrySet()) {
                out.writeInt(top.getKey());
                writeGrowth(top.getValue(), out);
            }
        }

        static TrendReport read(DataInputStream in) throws IOException {
            LocalDate asOf = LocalDate.parse(in.readUTF());
            TrendSettings settings = new TrendSettings(in.readInt(), in.readInt(), in.readInt(), in.readLong());
            int counted = in.readInt();
            List<String> notCounted = readStrings(in);
            List<QuarterCount> quarters = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                quarters.add(new QuarterCount(new Quarter(in.readInt(), in.readInt()), in.readBoolean(), in.readBoolean(),
                        in.readDouble(), in.readInt(), in.readInt(), in.readDouble(), in.readInt(), in.readInt()));
            }
            List<String> frontier = readStrings(in);
            Growth frontierGrowth = readGrowth(in);
            Growth countGrowth = readGrowth(in);
            List<Projection> projections = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                projections.add(new Projection(in.readInt(), LocalDate.parse(in.readUTF()), readDouble(in), readInteger(in),
                        readInteger(in), readDouble(in), readDouble(in), readDouble(in)));
            }
            Map<Integer, Growth> byTop = new TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                byTop.put(in.readInt(), readGrowth(in));
            }
            if (in.available() != 0) {
                throw new IOException("bytes left after the report");
            }
            return new TrendReport(asOf, settings, counted, notCounted, quarters, frontier, frontierGrowth, countGrowth,
                    projections, byTop);
        }

        private static void writeGrowth(Growth g, DataOutputStream out) throws IOException {
            out.writeBoolean(g != null);
            if (g != null) {
                out.writeDouble(g.perYear());
                out.writeDouble(g.low());
                out.writeDouble(g.high());
                out.writeInt(g.points());
                out.writeUTF(g.from());
                out.writeUTF(g.to());
            }
        }

        private static Growth readGrowth(DataInputStream in) throws IOException {
            return in.readBoolean()
                    ? new Growth(in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(), in.readUTF(), in.readUTF())
                    : null;
        }
    }
}
