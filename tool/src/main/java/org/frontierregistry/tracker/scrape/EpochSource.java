package org.frontierregistry.tracker.scrape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Epoch AI's Large-Scale AI Models dataset (CSV, one row per model over ~1e23 FLOP). Each row becomes a
 * sighting with Epoch's compute figure and confidence; the runner proposes the rows we do not track and
 * aliases for the ones we do.
 */
public final class EpochSource implements Source {
    static final String MODEL = "Model";
    static final String ORGANIZATION = "Organization";
    static final String DATE = "Publication date";
    static final String PARAMETERS = "Parameters";
    static final String PARAMETERS_NOTES = "Parameters notes";
    /** Words in Epoch's parameter note that say the model is a mixture of experts. */
    private static final java.util.regex.Pattern MOE = java.util.regex.Pattern.compile(
            "(?i)mixture[- ]of[- ]experts|\\bmoe\\b|\\bexperts\\b|\\bactive\\b|\\bactivat");
    static final String COMPUTE = "Training compute (FLOP)";
    static final String COMPUTE_NOTES = "Training compute notes";
    static final String CONFIDENCE = "Confidence";
    static final String ACCESSIBILITY = "Model accessibility";
    static final String COUNTRY = "Country (of organization)";
    static final String LINK = "Link";
    static final String DOMAIN = "Domain";
    /** A column only the Notable AI Models download has. */
    static final String NOTABILITY = "Notability criteria";
    /** Fewer rows than this is not a healthy copy of the dataset (the 2026-02 release has 485). */
    static final int MIN_ROWS = 200;

    @Override
    public String name() {
        return "epoch";
    }

    @Override
    public String description() {
        return "Epoch AI, Large-Scale AI Models (CSV): new models over 1e23 FLOP and Epoch's compute figures";
    }

    @Override
    public URI defaultUrl() {
        return URI.create("https://epoch.ai/data/large_scale_ai_models.csv");
    }

    /** The large-scale download and the newer Notable AI Models download (read with the same column names). */
    @Override
    public List<URI> defaultUrls() {
        return List.of(defaultUrl(), URI.create("https://epoch.ai/data/notable_ai_models.csv"));
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("text/csv", "application/csv", "text/plain", "application/octet-stream");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        if (CapabilityIndex.recognises(body)) {
            return CapabilityIndex.parse(name(), body, origin);
        }
        CsvTable table = CsvTable.parse(name(), body, origin, List.of(MODEL, ORGANIZATION, DATE, PARAMETERS, COMPUTE,
                COMPUTE_NOTES, CONFIDENCE, ACCESSIBILITY, COUNTRY, LINK, DOMAIN), MIN_ROWS);
        String tokensColumn = table.firstPresent("Training dataset size (datapoints)",
                "(DEPRECATED) Training dataset size (datapoints)", "Training dataset size (tokens)",
                "Training dataset size (total)");
        // Notable AI Models also holds small and historic models; those are not candidates (see notable()).
        boolean notableCut = table.has(NOTABILITY);
        List<Sighting> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String model = row.get(MODEL);
            if (model == null) {
                continue;
            }
            List<String> organizations = SourceText.splitList(row.get(ORGANIZATION));
            Double flop = row.number(COMPUTE);
            String confidence = row.get(CONFIDENCE);
            confidence = confidence != null && SourceText.CONFIDENCE.contains(confidence) ? confidence : null;
            List<String> domains = SourceText.splitList(row.get(DOMAIN)).stream()
                    .filter(SourceText.DOMAINS::contains).sorted().toList();
            String accessibility = row.get(ACCESSIBILITY);
            String link = firstUrl(row.get(LINK));
            StringBuilder evidence = new StringBuilder("Epoch AI's " + (notableCut ? "Notable" : "Large-Scale") + " AI Models dataset lists '"
                    + model + "'");
            if (!organizations.isEmpty()) {
                evidence.append(" by ").append(String.join(", ", organizations));
            }
            if (row.get(DATE) != null) {
                evidence.append(", published ").append(row.get(DATE));
            }
            evidence.append(flop == null ? ", with no training-compute figure"
                    : ", with training compute " + SourceText.sci(flop) + " FLOP (Epoch's confidence: "
                    + (row.get(CONFIDENCE) == null ? "not given" : row.get(CONFIDENCE)) + ")");
            evidence.append('.');
            String note = SourceText.excerpt(row.get(COMPUTE_NOTES), 400);
            if (note != null) {
                evidence.append(" Epoch's compute note: \"").append(note).append("\"");
            }
            // Epoch's Parameters column is the total; the active count of a mixture of experts is in its note
            // ("102B, of which 12B active") or the name ("Qwen3-235B-A22B").
            Double parameters = row.number(PARAMETERS);
            String parametersNote = row.get(PARAMETERS_NOTES);
            Double active = SizeParser.fromText(parametersNote).active();
            if (active == null) {
                active = SizeParser.fromSlug(model).active();
            }
            if (active != null && parameters != null && active >= parameters) {
                active = null;
            }
            boolean experts = active != null || (parametersNote != null && MOE.matcher(parametersNote).find());
            if (experts && parametersNote != null) {
                evidence.append(" Epoch's parameter note: \"").append(SourceText.excerpt(parametersNote, 200)).append("\"");
            }
            out.add(new Sighting(name(), model, model, List.of(), Map.of("epoch", List.of(model)), organizations,
                    SourceText.splitList(row.get(COUNTRY)), domains,
                    accessibility != null && SourceText.ACCESSIBILITY.contains(accessibility) ? accessibility : null,
                    SourceText.date(row.get(DATE)), parameters, active,
                    tokensColumn == null ? null : row.number(tokensColumn), flop, confidence, Map.of(), link,
                    evidence.toString(), !notableCut || notable(flop, SourceText.date(row.get(DATE))), experts));
        }
        return out;
    }

    /**
     * In the Notable AI Models cut a row is worth a candidate when its compute is within a factor of ten of
     * 1e25 FLOP, or unknown for a model published since 2023 (the year the first models passed 1e25).
     */
    static boolean notable(Double flop, java.time.LocalDate published) {
        if (flop != null) {
            return flop >= 1e24;
        }
        return published != null && published.getYear() >= 2023;
    }

    /** The Link cell sometimes holds several addresses separated by spaces or new lines: the first one. */
    static String firstUrl(String cell) {
        if (cell == null) {
            return null;
        }
        for (String part : cell.split("\\s+")) {
            if (part.matches("https?://\\S+")) {
                return part;
            }
        }
        return null;
    }
}
