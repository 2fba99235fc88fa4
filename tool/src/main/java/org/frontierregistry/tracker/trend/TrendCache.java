package org.frontierregistry.tracker.trend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * The last trend report of a registry, remembered outside the repository (beside the validation cache) and reused
 * while everything it was computed from is the same: each counted model's id, date, p_above and headline compute,
 * the ids not counted, the as-of day, the settings and the build of the tool. The trends are a third of a build of
 * the repository (10,000 simulated worlds and 2,000 bootstrap resamples, all seeded, so the same inputs always give
 * the same report), and most changes to records (sources, reasoning, names, review) leave those inputs alone.
 *
 * <p>The file holds one line naming the digest of those inputs, then the report as JSON. A file that is missing,
 * damaged, for other inputs or unreadable is a miss: the trends are computed and the file is replaced in one step.
 */
public final class TrendCache {
    static final String FORMAT = "tracker-trends 1";

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
        String key = key(inputs, asOf, settings);
        TrendReport kept = read(key);
        if (kept != null) {
            return kept;
        }
        TrendReport report = Trends.of(inputs, asOf, settings);
        write(key, report);
        return report;
    }

    private String key(Trends.Inputs inputs, LocalDate asOf, TrendSettings settings) {
        StringBuilder text = new StringBuilder(64 * inputs.models().size() + 256);
        text.append(FORMAT).append('\n').append(tool).append('\n').append(asOf).append('\n').append(settings).append('\n');
        for (ModelPoint m : inputs.models()) {
            text.append(m.id()).append('\t').append(m.date()).append('\t').append(m.pAbove()).append('\t').append(m.flop()).append('\n');
        }
        text.append("not counted\n");
        inputs.notCounted().forEach(id -> text.append(id).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private TrendReport read(String key) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            byte[] header = (FORMAT + " " + key + "\n").getBytes(StandardCharsets.US_ASCII);
            if (bytes.length <= header.length || !java.util.Arrays.equals(bytes, 0, header.length, header, 0, header.length)) {
                return null;
            }
            return Json.MAPPER.readerFor(TrendReport.class).readValue(bytes, header.length, bytes.length - header.length);
        } catch (IOException | RuntimeException e) {
            return null; // missing, unreadable or damaged: computed again
        }
    }

    private void write(String key, TrendReport report) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(report);
            byte[] header = (FORMAT + " " + key + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] content = new byte[header.length + json.length];
            System.arraycopy(header, 0, content, 0, header.length);
            System.arraycopy(json, 0, content, header.length, json.length);
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, content);
        } catch (IOException | RuntimeException e) {
            // Not fatal: the next run computes the trends again.
        }
    }

    /** Made on first use: a mapper's set-up costs start-up time that runs without trends should not pay. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

        private Json() {
        }
    }
}
