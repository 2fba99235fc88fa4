package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTrendsCommandTest {
    @TempDir
    Path dir;

    TempRegistry registry;

    @BeforeEach
    void records() {
        registry = TempRegistry.in(dir);
        registry.write("a", TestRecord.of("a").date("2023-03-14").flop(2e25).pAbove(0.95).yaml());
        registry.write("b", TestRecord.of("b").date("2023-12-06").flop(5e25).pAbove(0.999).yaml());
        registry.write("c", TestRecord.of("c").date("2024-05-13").flop(1.3e25).pAbove(0.62).status("likely_above").yaml());
        registry.write("d", TestRecord.of("d").date("2024-09-01").flop(8e25).pAbove(1.0).yaml());
        registry.write("e", TestRecord.of("e").date("2024-11-01").flop(6e24).pAbove(0.3).status("likely_below").yaml());
        registry.write("f", TestRecord.of("f").date("2025-02-01").flop(3e26).pAbove(1.0).yaml());
        registry.write("g", TestRecord.of("g").date("2025-06-20").flop(1.1e25).pAbove(0.55).status("likely_above").yaml());
        registry.write("h", TestRecord.of("h").date("2025-08-20").flop(5e26).pAbove(1.0).yaml());
        registry.write("rejected", TestRecord.of("rejected").date("2025-01-20").status("rejected").flop(null).createdBy("bot").yaml());
    }

    private JsonNode json() throws Exception {
        TempRegistry.Run run = registry.run("stats", "--trends", "--format", "json", "--today", "2025-10-15");
        assertEquals(0, run.exitCode(), run.all());
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void jsonCountsEachModelByItsProbabilityQuarterByQuarter() throws Exception {
        JsonNode root = json();

        assertEquals("2025-10-15", root.get("as_of").asText());
        assertEquals(8, root.get("records_counted").asInt(), "the rejected candidate is not a model");
        JsonNode quarters = root.get("quarters");
        assertEquals("2023-Q1", quarters.get(0).get("quarter").asText());
        assertEquals("2025-Q4", quarters.get(quarters.size() - 1).get("quarter").asText());
        assertFalse(quarters.get(quarters.size() - 1).get("complete").asBoolean());
        // c (0.62) alone in 2024-Q2; the cumulative count at the end is the sum of every p_above.
        JsonNode q2 = quarters.get(5);
        assertEquals("2024-Q2", q2.get("quarter").asText());
        assertEquals(0.62, q2.get("expected").asDouble());
        assertEquals(0, q2.get("low").asInt());
        assertEquals(1, q2.get("high").asInt());
        assertEquals(Math.round((0.95 + 0.999 + 0.62 + 1.0 + 0.3 + 1.0 + 0.55 + 1.0) * 100) / 100.0,
                quarters.get(quarters.size() - 1).get("cumulative_expected").asDouble());
        // Newest record h is in 2025-Q3: the count is fitted up to 2025-Q2.
        assertEquals("2025-Q2", root.get("count_growth").get("to").asText());
        assertEquals(8, root.get("frontier_compute_growth").get("models").asInt(), "fewer than ten models: all at the frontier");
        assertEquals(List.of(1, 3, 5, 10, 20), root.get("frontier_growth_by_top").findValuesAsText("top").stream()
                .map(Integer::parseInt).toList());
        assertEquals(root.get("frontier_compute_growth").get("per_year"), root.get("frontier_growth_by_top").get(3).get("per_year"),
                "the default, the running top 10, is one of them");
        JsonNode projection = root.get("projections").get(0);
        assertTrue(projection.get("label").asText().startsWith("projection"));
        assertEquals("2026-09-30", projection.get("date").asText());
        assertTrue(projection.get("cumulative_low").asDouble() <= projection.get("cumulative_expected").asDouble());
    }

    @Test
    void theOutputIsByteIdenticalAcrossRunsLocalesAndTimeZones() {
        String first = registry.run("stats", "--trends", "--format", "json", "--today", "2025-10-15").out();
        String table = registry.run("stats", "--trends", "--today", "2025-10-15").out();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertEquals(first, registry.run("stats", "--trends", "--format", "json", "--today", "2025-10-15").out(), "tr-TR");
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertEquals(first, registry.run("stats", "--trends", "--format", "json", "--today", "2025-10-15").out(), "de-DE");
            assertEquals(table, registry.run("stats", "--trends", "--today", "2025-10-15").out(), "de-DE table");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertEquals(first, registry.run("stats", "--trends", "--format", "json", "--today", "2025-10-15").out());
    }

    @Test
    void theTableSaysWhatIsAProjectionAndFitsEightyColumns() {
        TempRegistry.Run run = registry.run("stats", "--trends", "--today", "2025-10-15");

        assertEquals(0, run.exitCode(), run.all());
        run.out().lines().forEach(line -> assertTrue(line.length() <= 80, line));
        assertTrue(run.out().contains("Projection (where the fitted trends lead if they hold; not a forecast)"), run.out());
        assertTrue(run.out().contains("\n2024-Q2         0.6        0 to 1"), run.out());
        assertTrue(run.out().contains("\n2025-Q3 *"), "the newest record's quarter is marked as left out of the fit: " + run.out());
    }

    @Test
    void csvAndMarkdownCarryTheSameFigures() throws Exception {
        JsonNode root = json();
        String csv = registry.run("stats", "--trends", "--format", "csv", "--today", "2025-10-15").out();
        String md = registry.run("stats", "--trends", "--format", "markdown", "--today", "2025-10-15").out();

        JsonNode growth = root.get("frontier_compute_growth");
        assertTrue(csv.contains("frontier_compute_growth_per_year," + growth.get("from").asText() + " to " + growth.get("to").asText()
                + "," + growth.get("per_year").asText()), csv);
        assertTrue(csv.contains("\nabove_in_quarter,2024-Q2,0.62,0,1\n"), csv);
        assertTrue(md.contains("\n| 2024-Q2 | 0.6 | 0 to 1 |"), md);
    }

    @Test
    void trendsAndSectionsTogetherOrABadFrontierSizeAreUsageErrors() {
        TempRegistry.Run both = registry.run("stats", "--trends", "--section", "coverage");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--trends"), both.err());
        TempRegistry.Run zero = registry.run("stats", "--trends", "--frontier-top", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--frontier-top"), zero.err());
        assertFalse(zero.err().contains("Exception"), zero.err());
    }

    @Test
    void anEmptyRegistrySaysThereIsTooLittleToFit() {
        TempRegistry empty = TempRegistry.in(dir.resolve("empty"));

        TempRegistry.Run run = empty.run("stats", "--trends", "--today", "2025-10-15");

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.out().contains("Too few models to fit"), run.out());
        assertTrue(run.out().contains("not fitted"), run.out());
    }
}
