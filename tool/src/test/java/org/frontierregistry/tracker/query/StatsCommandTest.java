package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    @TempDir
    Path dir;

    TempRegistry registry;

    @BeforeEach
    void records() {
        registry = TempRegistry.in(dir);
        registry.write("a", TestRecord.of("a").orgs("OpenAI").date("2023-03-14").flop(2e25).parameters(1e12).tokens(1e13)
                .sources(2).verified(true).yaml());
        registry.write("b", TestRecord.of("b").orgs("Google DeepMind", "Google").countries("United Kingdom of Great Britain and Northern Ireland")
                .date("2024-02-15").flop(3e25).pAbove(0.97).method("parameters_tokens").chip("Google TPU v5p").yaml());
        registry.write("c", TestRecord.of("c").orgs("OpenAI").date("2024-05-13").flop(4e25).parameters(2e12).yaml());
        registry.write("d", TestRecord.of("d").orgs("Alibaba").countries("China").date("2024-09-19").status("likely_above")
                .flop(1.5e25).sources(3).yaml());
        registry.write("e", TestRecord.of("e").orgs("DeepSeek").countries("China").date("2024-12-26").status("likely_below")
                .flop(5e24).yaml());
        registry.write("f", TestRecord.of("f").orgs("Some Bot Find").date("2025-01-20").status("rejected").flop(null)
                .createdBy("bot").yaml());
    }

    private Map<String, CSVRecord> csv(String section) throws Exception {
        String[] args = new String[] {"stats", "--format", "csv", "--today", "2025-02-10"};
        TempRegistry.Run run = registry.run(args);
        assertEquals(0, run.exitCode(), run.all());
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(run.out()), CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord row : parser) {
                if (row.get("section").equals(section)) {
                    rows.put(row.get("key"), row);
                }
            }
        }
        return rows;
    }

    private static Map<String, Integer> counts(Map<String, CSVRecord> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((k, v) -> counts.put(k, Integer.parseInt(v.get("count"))));
        return counts;
    }

    @Test
    void countsTheModelsAboveTheLineByYearQuarterOrganisationAndCountry() throws Exception {
        assertEquals(Map.of("all", 6, "above", 4), counts(csv("records")));
        assertEquals(Map.of("2023", 1, "2024", 3), counts(csv("above_by_year")));
        assertEquals(0.25, Double.parseDouble(csv("above_by_year").get("2024").get("per_month")));
        assertEquals(List.of("2023-Q1", "2024-Q1", "2024-Q2", "2024-Q3"), List.copyOf(csv("above_by_quarter").keySet()));
        // By count, then by name; a model with two developers counts for each.
        assertEquals(List.of("OpenAI", "Alibaba", "Google", "Google DeepMind"), List.copyOf(csv("above_by_organization").keySet()));
        assertEquals(2, counts(csv("above_by_organization")).get("OpenAI"));
        assertEquals(Map.of("United States of America", 2, "China", 1, "United Kingdom of Great Britain and Northern Ireland", 1),
                counts(csv("above_by_country")));
    }

    @Test
    void perMonthCoversTheLastTwentyFourMonthsWithZeros() throws Exception {
        Map<String, Integer> months = counts(csv("above_per_month"));
        assertEquals(24, months.size());
        assertEquals(List.of("2023-03", "2025-02"), List.of(months.keySet().iterator().next(), List.copyOf(months.keySet()).get(23)));
        assertEquals(1, months.get("2023-03"));
        assertEquals(1, months.get("2024-09"));
        assertEquals(0, months.get("2024-12"), "e is below the line");
        assertEquals(4, months.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void coverageGivesTheShareAndListsTheRecordsMissingEachField() throws Exception {
        Map<String, CSVRecord> coverage = csv("coverage");
        assertEquals(List.of("parameters", "training_tokens", "hardware", "reported_figure", "two_or_more_sources", "verified_review"),
                List.copyOf(coverage.keySet()));
        // Five records count (f is rejected).
        assertEquals("2", coverage.get("parameters").get("count"));
        assertEquals(0.4, Double.parseDouble(coverage.get("parameters").get("share")));
        assertEquals("b; d; e", coverage.get("parameters").get("missing"));
        assertEquals("a; c; d; e", coverage.get("hardware").get("missing"));
        assertEquals("b", coverage.get("reported_figure").get("missing"));
        assertEquals("b; c; e", coverage.get("two_or_more_sources").get("missing"));
        assertEquals("b; c; d; e", coverage.get("verified_review").get("missing"));
    }

    @Test
    void jsonAndMarkdownCarryTheSameNumbers() throws Exception {
        TempRegistry.Run json = registry.run("stats", "--format", "json", "--today", "2025-02-10");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(4, root.get("above").asInt());
        assertEquals("2025-02-10", root.get("today").asText());
        JsonNode coverage = root.get("sections").get("coverage").get("rows");
        assertEquals("verified_review", coverage.get(5).get("key").asText());
        assertEquals(1, coverage.get(5).get("count").asInt());
        assertEquals(4, coverage.get(5).get("missing").size());
        TempRegistry.Run md = registry.run("stats", "--format", "markdown", "--today", "2025-02-10");
        assertTrue(md.out().contains("\n| 2024 | 3 | 0.25 |\n"), md.out());
        assertTrue(md.out().contains("\n| parameters | 2 | 40% | b, d, e |\n"), md.out());
    }

    @Test
    void sectionPrintsOnlyTheSectionsAskedForAndAnUnknownOneIsAUsageError() {
        TempRegistry.Run run = registry.run("stats", "--section", "above_by_country", "--today", "2025-02-10");
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(List.of("6 records, 4 above the line (status above or likely_above); today is 2025-02-10.", "",
                "Above the line, by country of the developers",
                "country                                               count",
                "----------------------------------------------------  -----",
                "United States of America                                  2",
                "China                                                     1",
                "United Kingdom of Great Britain and Northern Ireland      1"), run.out().lines().toList());
        TempRegistry.Run unknown = registry.run("stats", "--section", "above_by_countries");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown section 'above_by_countries'. Did you mean 'above_by_country'?"), unknown.err());
    }

    @Test
    void theTableFitsEightyColumns() {
        TempRegistry.Run run = registry.run("stats", "--today", "2025-02-10");
        assertEquals(0, run.exitCode(), run.all());
        run.out().lines().forEach(line -> assertTrue(line.length() <= 80, line));
        assertTrue(run.out().contains("\nyear  Jan  Feb  Mar  Apr  May  Jun  Jul  Aug  Sep  Oct  Nov  Dec\n"), run.out());
        assertTrue(run.out().contains("\n2024    0    1    0    0    1    0    0    0    1    0    0    0\n"), run.out());
        assertTrue(run.out().contains("Missing verified_review (4): b, c, d, e\n"), run.out());
    }
}
