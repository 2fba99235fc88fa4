package org.frontierregistry.tracker.scrape;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Epoch AI's Benchmarking Hub, Epoch Capabilities Index (ECI): one capability score per model version
 * ("claude-opus-4-7_xhigh"), with Epoch's training-compute figure where it has one. Read as part of the
 * {@code epoch} source (a CSV whose header has {@value #SCORE}); the score becomes
 * {@code benchmarks.epoch_capabilities_index}, an input to the screen and to benchmark imputation.
 */
final class CapabilityIndex {
    static final String VERSION = "Model version";
    static final String SCORE = "ECI Score";
    static final String DATE = "Release date";
    static final String ORGANIZATION = "Organization";
    static final String NAME = "Model name";
    static final String DISPLAY = "Display name";
    static final String COMPUTE = "Training compute (FLOP)";
    static final String CONFIDENCE = "Confidence";
    /** Fewer rows than this is not a healthy copy (the 2026-04 table has 591). */
    static final int MIN_ROWS = 100;

    private CapabilityIndex() {
    }

    static boolean recognises(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
        int newline = head.indexOf('\n');
        return (newline < 0 ? head : head.substring(0, newline)).contains(SCORE);
    }

    static List<Sighting> parse(String source, byte[] body, String origin) throws SourceShapeException {
        CsvTable table = CsvTable.parse(source, body, origin, List.of(VERSION, SCORE, DATE, ORGANIZATION, NAME, DISPLAY),
                MIN_ROWS);
        List<Sighting> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String version = row.get(VERSION);
            Double score = row.number(SCORE);
            if (version == null || score == null) {
                continue; // versions Epoch has not scored yet say nothing the screen can use
            }
            String name = row.get(NAME) != null ? row.get(NAME) : row.get(DISPLAY) != null ? row.get(DISPLAY) : version;
            List<String> names = new ArrayList<>();
            for (String n : new String[] {row.get(DISPLAY), version}) {
                if (n != null && !n.equals(name)) {
                    names.add(n);
                }
            }
            Map<String, Double> benchmarks = new LinkedHashMap<>();
            benchmarks.put("epoch_capabilities_index", score);
            String organization = row.get(ORGANIZATION);
            Double flop = row.number(COMPUTE);
            String confidence = row.get(CONFIDENCE);
            confidence = confidence != null && SourceText.CONFIDENCE.contains(confidence) ? confidence : null;
            String evidence = "Epoch AI's Capabilities Index gives '" + (row.get(DISPLAY) == null ? version : row.get(DISPLAY))
                    + "'" + (organization == null ? "" : " by " + organization) + " an ECI score of " + SourceText.sci(score)
                    + (flop == null ? "" : " (Epoch's training compute " + SourceText.sci(flop) + " FLOP)") + ".";
            out.add(new Sighting(source, version, name, names, Map.of(),
                    organization == null ? List.of() : SourceText.splitList(organization), List.of(), List.of("Language"), null,
                    SourceText.date(row.get(DATE)), null, null, null, flop, confidence, benchmarks,
                    "https://epoch.ai/benchmarks/eci", evidence, true));
        }
        return out;
    }
}
