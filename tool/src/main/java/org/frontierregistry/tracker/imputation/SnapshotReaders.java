package org.frontierregistry.tracker.imputation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.scrape.CsvTable;
import org.frontierregistry.tracker.scrape.SourceShapeException;
import org.frontierregistry.tracker.scrape.SourceJson;
import org.frontierregistry.tracker.scrape.SourceText;

/**
 * Reads the score snapshots the training table is built from: Epoch AI's capability index (CSV),
 * Artificial Analysis's model list (JSON) and LMArena's text leaderboard in its three published
 * shapes. One model can appear once per reasoning setting ("GPT-5.4 (xhigh)", "gpt-5.4_high"); the
 * setting is removed from the name here, and the builder keeps the best score of the settings.
 */
final class SnapshotReaders {
    private static final Set<String> SETTING_WORDS = Set.of("reasoning", "non", "nonreasoning", "thinking", "adaptive",
            "minimal", "low", "medium", "high", "xhigh", "max", "effort", "default");
    private static final Pattern PARENS = Pattern.compile("\\s*\\(([^()]*)\\)");

    private SnapshotReaders() {
    }

    /** "Claude Opus 4.6 (Adaptive Reasoning, Max Effort)" → "Claude Opus 4.6"; "(Sep '25)" stays. */
    static String withoutSetting(String name) {
        Matcher m = PARENS.matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean setting = true;
            for (String word : m.group(1).toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                if (!word.isEmpty() && !SETTING_WORDS.contains(word)) {
                    setting = false;
                }
            }
            m.appendReplacement(out, setting ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString().trim();
    }

    /** Epoch AI's Benchmarking Hub capability index: ECI score, release date, and Epoch's compute where given. */
    static List<ScoreSighting> capabilityIndex(byte[] body, String origin) throws SourceShapeException {
        CsvTable table = CsvTable.parse("capability index", body, origin, List.of("Model version", "ECI Score",
                "Release date", "Training compute (FLOP)", "Confidence", "Model name", "Display name"), 100);
        List<ScoreSighting> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Double eci = row.number("ECI Score");
            if (eci == null) {
                continue;
            }
            String name = row.get("Model name") != null ? row.get("Model name")
                    : row.get("Display name") != null ? withoutSetting(row.get("Display name"))
                    : row.get("Model version").replaceFirst("_[a-z]+$", "");
            out.add(new ScoreSighting(name, SourceText.date(row.get("Release date")),
                    Map.of(Predictor.EPOCH_CAPABILITIES_INDEX.key(), eci), row.number("Training compute (FLOP)"), row.get("Confidence")));
        }
        return out;
    }

    /** Artificial Analysis's models endpoint as saved: {"models": [{name, release_date, evaluations: {...}}]}. */
    static List<ScoreSighting> artificialAnalysis(byte[] body, String origin) throws SourceShapeException {
        JsonNode root = SourceJson.read("Artificial Analysis", body, origin);
        JsonNode models = SourceJson.entries("Artificial Analysis", root, origin, 50, "SnapshotReaders", false, "models", "data");
        List<ScoreSighting> out = new ArrayList<>();
        for (JsonNode m : models) {
            JsonNode evaluations = m.path("evaluations");
            Map<String, Double> scores = new TreeMap<>();
            putNumber(scores, Predictor.AA_INTELLIGENCE_INDEX.key(), evaluations.path("artificial_analysis_intelligence_index"), 1);
            putNumber(scores, Predictor.MMLU_PRO.key(), evaluations.path("mmlu_pro"), 100);
            putNumber(scores, Predictor.GPQA_DIAMOND.key(), evaluations.path("gpqa"), 100);
            putNumber(scores, Predictor.HLE.key(), evaluations.path("hle"), 100);
            if (!m.path("name").isTextual() || scores.isEmpty()) {
                continue;
            }
            out.add(new ScoreSighting(withoutSetting(m.get("name").asText()), SourceText.date(m.path("release_date").asText(null)),
                    scores, null, null));
        }
        return out;
    }

    private static void putNumber(Map<String, Double> scores, String key, JsonNode value, double scale) {
        if (value.isNumber() && Double.isFinite(value.asDouble())) {
            scores.put(key, value.asDouble() * scale);
        }
    }

    /**
     * An LMArena text leaderboard: the scraped JSON ({"models": [{model, score}]}), the table CSV
     * (model, arena_score), or the Elo history CSV (one column per model key, one row per release; the
     * latest non-zero value counts).
     */
    static List<ScoreSighting> arena(byte[] body, String origin) throws SourceShapeException {
        String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        if (text.stripLeading().startsWith("{")) {
            JsonNode models = SourceJson.entries("LMArena", SourceJson.read("LMArena", body, origin), origin, 1,
                    "SnapshotReaders", false, "models");
            List<ScoreSighting> out = new ArrayList<>();
            for (JsonNode m : models) {
                if (m.path("model").isTextual() && m.path("score").isNumber()) {
                    out.add(arenaSighting(m.get("model").asText(), m.get("score").asDouble()));
                }
            }
            return out;
        }
        if (text.startsWith(",")) {
            return arenaHistory(text, origin);
        }
        CsvTable table = CsvTable.parse("LMArena", body, origin, List.of("model", "arena_score"), 20);
        List<ScoreSighting> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.get("model") != null && row.number("arena_score") != null) {
                out.add(arenaSighting(row.get("model"), row.number("arena_score")));
            }
        }
        return out;
    }

    private static List<ScoreSighting> arenaHistory(String text, String origin) throws SourceShapeException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true)
                .build().parse(new StringReader(text))) {
            List<String> keys = parser.getHeaderNames();
            Map<String, Double> latest = new TreeMap<>();
            for (CSVRecord row : parser) {
                for (int i = 1; i < row.size() && i < keys.size(); i++) {
                    double value = Double.parseDouble(row.get(i));
                    if (value > 0) {
                        latest.put(keys.get(i), value);
                    }
                }
            }
            List<ScoreSighting> out = new ArrayList<>();
            latest.forEach((model, score) -> out.add(arenaSighting(model, score)));
            return out;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SourceShapeException("LMArena: " + origin + " is not a readable Elo history CSV (" + e.getMessage() + ")");
        }
    }

    private static ScoreSighting arenaSighting(String model, double score) {
        return new ScoreSighting(model, null, Map.of(Predictor.LMARENA_TEXT.key(), score), null, null);
    }
}
