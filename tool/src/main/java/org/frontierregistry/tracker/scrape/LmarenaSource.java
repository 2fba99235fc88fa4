package org.frontierregistry.tracker.scrape;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LMArena text leaderboard as a CSV table (rank, model, arena_score, votes, organization, …). Top
 * entries we do not track are candidates; every entry's name becomes an alias of the record it matches,
 * and its score feeds benchmark imputation ({@code benchmarks.lmarena_text}).
 */
public final class LmarenaSource implements Source {
    static final String RANK = "rank";
    static final String MODEL = "model";
    static final String SCORE = "arena_score";
    static final String VOTES = "votes";
    static final String ORGANIZATION = "organization";
    static final String URL = "url";
    static final String LICENSE = "license";
    /** Fewer rows than this is not a healthy leaderboard (the 2025-08 table has 266). */
    static final int MIN_ROWS = 100;
    /** Entries ranked this high or higher are "strong": worth a candidate when we do not track them. */
    static final int STRONG_RANK = 50;
    /** The JSON copies hold only the top of the table (the 2026-03 copy has 71 rows). */
    static final int MIN_JSON_ROWS = 30;

    @Override
    public String name() {
        return "lmarena";
    }

    @Override
    public String description() {
        return "LMArena text leaderboard (CSV table): strong entries, arena names as aliases, arena scores";
    }

    @Override
    public URI defaultUrl() {
        return URI.create("https://raw.githubusercontent.com/fboulnois/llm-leaderboard-csv/main/csv/lmarena_text.csv");
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("text/csv", "application/csv", "text/plain", "application/json");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        String start = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("{")) {
            return parseJson(body, origin);
        }
        CsvTable table = CsvTable.parse(name(), body, origin, List.of(RANK, MODEL, SCORE, VOTES, ORGANIZATION), MIN_ROWS);
        List<Sighting> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String model = row.get(MODEL);
            Double score = row.number(SCORE);
            if (model == null || score == null) {
                continue;
            }
            Double rank = row.number(RANK);
            String organization = row.get(ORGANIZATION);
            String url = row.get(URL);
            if (url != null && !url.matches("https?://\\S+")) {
                url = null;
            }
            out.add(sighting(model, score, rank, row.get(VOTES), organization, row.get(LICENSE), url));
        }
        return out;
    }

    /**
     * The 2026 leaderboard as JSON ({@code {"meta": {...}, "models": [{rank, model, vendor, license, score, votes}]}}),
     * often only the top of the table: an absent model says nothing.
     */
    private List<Sighting> parseJson(byte[] body, String origin) throws SourceShapeException {
        com.fasterxml.jackson.databind.JsonNode root = SourceJson.read(name(), body, origin);
        com.fasterxml.jackson.databind.JsonNode models = SourceJson.entries(name(), root, origin, MIN_JSON_ROWS,
                "LmarenaSource", false, "models");
        List<Sighting> out = new ArrayList<>();
        int index = 0;
        for (com.fasterxml.jackson.databind.JsonNode m : models) {
            index++;
            String model = SourceJson.text(m, "model");
            Double score = SourceJson.number(m, "score");
            if (model == null || score == null) {
                throw new SourceShapeException(name() + ": " + origin + " entry #" + index + " has no 'model' or no numeric"
                        + " 'score'; the leaderboard changed shape. Update LmarenaSource before proposing anything.");
            }
            Double rank = SourceJson.number(m, "rank");
            String votes = m.hasNonNull("votes") ? m.get("votes").asText() : null;
            out.add(sighting(model, score, rank, votes, SourceJson.text(m, "vendor"), SourceJson.text(m, "license"), null));
        }
        return out;
    }

    private Sighting sighting(String model, double score, Double rank, String votes, String organization, String license,
                              String url) {
        Map<String, Double> benchmarks = score >= 500 && score <= 2500 ? Map.of("lmarena_text", score) : Map.of();
        String evidence = "The LMArena text leaderboard lists '" + model + "'"
                + (organization == null ? "" : " (" + organization + ")")
                + " at rank " + (rank == null ? "?" : String.valueOf(rank.intValue()))
                + " with an arena score of " + (int) score
                + (votes == null ? "" : " from " + votes + " votes") + ".";
        String accessibility = license != null && license.equalsIgnoreCase("Proprietary") ? "API access" : null;
        SizeParser.Size size = SizeParser.fromSlug(model);
        return new Sighting(name(), model, model, List.of(), Map.of("lmarena", List.of(model)),
                organization == null ? List.of() : List.of(Organizations.epochName(organization)), List.of(),
                List.of("Language"), accessibility, null, size.total(), size.active(), null, null, null, benchmarks, url, evidence,
                rank != null && rank <= STRONG_RANK);
    }
}
