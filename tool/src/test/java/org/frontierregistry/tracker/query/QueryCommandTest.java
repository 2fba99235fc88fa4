package org.frontierregistry.tracker.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    @TempDir
    Path dir;

    TempRegistry registry;

    @BeforeEach
    void fiveRecords() {
        registry = TempRegistry.in(dir);
        registry.write("gpt-alpha", TestRecord.of("gpt-alpha").name("GPT Alpha").aliases("gpt-alpha-2025-03")
                .orgs("OpenAI").date("2025-03-01").flop(5e25).pAbove(0.99).verified(true).yaml());
        registry.write("qwen-beta", TestRecord.of("qwen-beta").name("Qwen Beta").aliases("Qwen/Qwen-Beta-72B-Instruct")
                .orgs("Alibaba").countries("China").date("2025-07-10").accessibility("Open weights (unrestricted)")
                .flop(1.2e25).pAbove(0.6).status("likely_above").method("parameters_tokens").createdBy("bot").yaml());
        registry.write("deepthink-c", TestRecord.of("deepthink-c").name("DeepThink C").orgs("DeepSeek").countries("China")
                .date("2024-12-20").domains("Multimodal").accessibility("Open weights (restricted use)")
                .flop(8e24).pAbove(0.3).status("likely_below").createdBy("bot").yaml());
        registry.write("gemini-delta", TestRecord.of("gemini-delta").name("Gemini Delta").orgs("Google DeepMind", "Google")
                .countries("United Kingdom of Great Britain and Northern Ireland").date("2024-02-15").domains("Multimodal")
                .flop(3e25).pAbove(0.97).method("parameters_tokens").verified(true).createdBy("import").yaml());
        registry.write("mystery-e", TestRecord.of("mystery-e").name("Mystery E").orgs("Unknown Lab").countries("China")
                .date("2025-01-05").accessibility("Unreleased").flop(null).status("uncertain").yaml());
    }

    private List<String> ids(String... filters) {
        List<String> args = new ArrayList<>(List.of("query", "--format", "csv", "--columns", "id"));
        args.addAll(Arrays.asList(filters));
        TempRegistry.Run run = registry.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.all());
        return parseCsv(run.out()).stream().map(r -> r.get("id")).toList();
    }

    private static List<CSVRecord> parseCsv(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader().get())) {
            return parser.getRecords();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutFiltersListsEveryRecordByPublicationDate() {
        assertEquals(List.of("gemini-delta", "deepthink-c", "mystery-e", "gpt-alpha", "qwen-beta"), ids());
    }

    @Test
    void eachFilterAloneKeepsExactlyTheMatchingRecords() {
        assertEquals(List.of("gemini-delta", "gpt-alpha"), ids("--status", "above"));
        assertEquals(List.of("gemini-delta", "gpt-alpha", "qwen-beta"), ids("--status", "above,likely_above"));
        assertEquals(List.of("gemini-delta", "gpt-alpha"), ids("--above", "2e25"));
        assertEquals(List.of("deepthink-c"), ids("--below", "1e25"));
        assertEquals(List.of("gemini-delta", "gpt-alpha"), ids("--min-p-above", "0.95"));
        assertEquals(List.of("gemini-delta"), ids("--org", "google"));
        assertEquals(List.of("gpt-alpha", "qwen-beta"), ids("--org", "OpenAI", "--org", "alibaba"));
        assertEquals(List.of("deepthink-c", "mystery-e", "qwen-beta"), ids("--country", "china"));
        assertEquals(List.of("gemini-delta", "deepthink-c"), ids("--domain", "multimodal"));
        assertEquals(List.of("deepthink-c", "qwen-beta"), ids("--accessibility", "open weights"));
        assertEquals(List.of("gemini-delta", "qwen-beta"), ids("--method", "parameters_tokens"));
        assertEquals(List.of("mystery-e", "gpt-alpha", "qwen-beta"), ids("--since", "2025"));
        assertEquals(List.of("gpt-alpha", "qwen-beta"), ids("--since", "2025-03-01"));
        assertEquals(List.of("gemini-delta", "deepthink-c"), ids("--until", "2024-12"));
        assertEquals(List.of("gemini-delta", "gpt-alpha"), ids("--verified"));
        assertEquals(List.of("deepthink-c", "mystery-e", "qwen-beta"), ids("--unverified"));
        assertEquals(List.of("deepthink-c"), ids("--search", "deepthink"));
        assertEquals(List.of("gemini-delta", "deepthink-c"), ids("--limit", "2"));
    }

    @Test
    void combinedFiltersMustAllHold() {
        assertEquals(List.of("qwen-beta"),
                ids("--country", "China", "--status", "above,likely_above", "--since", "2025", "--until", "2025"));
        assertEquals(List.of("deepthink-c", "mystery-e"), ids("--country", "China", "--unverified", "--until", "2025-01-31"));
        assertEquals(List.of(), ids("--org", "OpenAI", "--unverified"));
    }

    @Test
    void searchFindsAModelByAnAliasWrittenWithOtherCaseAndPunctuation() {
        assertEquals(List.of("qwen-beta"), ids("--search", "qwen qwen_beta 72B instruct"));
        assertEquals(List.of("gpt-alpha"), ids("--search", "GPT ALPHA 2025.03"));
        // The scrapers' normaliser: tokens in any order, owner prefix and release words ignored.
        assertEquals(List.of("qwen-beta"), ids("--search", "72b qwen"));
        assertEquals(List.of("qwen-beta"), ids("--search", "Qwen-72B-Instruct"));
        assertEquals(List.of(), ids("--search", "qwen 14b"));
    }

    @Test
    void sortingIsStableAndPutsMissingValuesLast() {
        // Statuses sort from above to below; the above ties (gemini-delta, gpt-alpha) keep the registry
        // order: publication date, then id.
        assertEquals(List.of("gemini-delta", "gpt-alpha", "qwen-beta", "mystery-e", "deepthink-c"), ids("--sort", "status"));
        assertEquals(List.of("deepthink-c", "mystery-e", "qwen-beta", "gemini-delta", "gpt-alpha"), ids("--sort", "status:desc"));
        assertEquals(List.of("gpt-alpha", "gemini-delta", "qwen-beta", "deepthink-c", "mystery-e"), ids("--sort", "flop:desc"));
        assertEquals(List.of("deepthink-c", "qwen-beta", "gemini-delta", "gpt-alpha", "mystery-e"), ids("--sort", "flop"));
        // Verified first; then by who created the record (bot < contractor < import); ties by date.
        assertEquals(List.of("gpt-alpha", "gemini-delta", "deepthink-c", "qwen-beta", "mystery-e"),
                ids("--sort", "verified:desc,created_by"));
        assertEquals(ids("--sort", "status"), ids("--sort", "status"));
    }

    @Test
    void csvParsesBackWithTheValuesOfTheRecords() {
        TempRegistry.Run run = registry.run("query", "--format", "csv", "--columns", "id,name,organizations,flop,p_above,verified",
                "--org", "google");
        List<CSVRecord> rows = parseCsv(run.out());
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("Gemini Delta", row.get("name"));
        assertEquals("Google DeepMind; Google", row.get("organizations"));
        assertEquals(3e25, Double.parseDouble(row.get("flop")));
        assertEquals(0.97, Double.parseDouble(row.get("p_above")));
        assertEquals("true", row.get("verified"));
    }

    @Test
    void jsonParsesBackWithTypedValuesAndNullsForMissingOnes() throws Exception {
        TempRegistry.Run run = registry.run("query", "--format", "json", "--columns", "id,organizations,flop,p_above,verified",
                "--country", "china");
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertEquals(3, rows.size());
        assertEquals("deepthink-c", rows.get(0).get("id").asText());
        assertEquals(8e24, rows.get(0).get("flop").asDouble());
        assertEquals("DeepSeek", rows.get(0).get("organizations").get(0).asText());
        assertFalse(rows.get(0).get("verified").asBoolean());
        assertTrue(rows.get(1).get("flop").isNull(), "mystery-e has no estimate");
        assertTrue(rows.get(1).get("p_above").isNull());
    }

    @Test
    void markdownIsATableWithOneRowPerRecord() {
        TempRegistry.Run run = registry.run("query", "--format", "markdown", "--columns", "name,flop", "--status", "above");
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("| name | flop |", "| --- | ---: |", "| Gemini Delta | 3e25 |", "| GPT Alpha | 5e25 |"), lines);
    }

    @Test
    void tableFitsEightyColumnsTrimmingLongNamesWithAnEllipsis() {
        registry.write("long-name", TestRecord.of("long-name")
                .name("An Extraordinarily Long Model Name That Would Never Fit In A Terminal Column")
                .orgs("A Research Organisation With A Very Long Name Indeed").date("2025-02-02").flop(3.8e25).pAbove(0.99).yaml());
        TempRegistry.Run run = registry.run("query");
        assertEquals(0, run.exitCode(), run.all());
        for (String line : run.out().lines().toList()) {
            assertTrue(line.codePointCount(0, line.length()) <= 80, "too wide: " + line);
        }
        assertTrue(run.out().contains("\nAn Extraordinari…  A Research Organi…  2025-02-02  3.8e25"), run.out());
        assertTrue(run.out().contains("…"), run.out());
        assertTrue(run.out().contains("3.8e25"), run.out());
        assertTrue(run.out().endsWith("6 records\n"), run.out());
    }

    @Test
    void aLimitedTableSaysHowManyMatchedInAll() {
        TempRegistry.Run run = registry.run("query", "--sort", "flop:desc", "--limit", "2", "--columns", "name,flop");
        assertEquals(List.of("name          flop", "------------  ----", "GPT Alpha     5e25", "Gemini Delta  3e25",
                "first 2 of 5 records"), run.out().lines().toList());
    }

    @Test
    void unknownFieldStatusOrColumnIsAUsageErrorWithASuggestion() {
        TempRegistry.Run column = registry.run("query", "--columns", "id,organisations");
        assertEquals(2, column.exitCode());
        assertTrue(column.err().contains("unknown column 'organisations'. Did you mean 'organizations'?"), column.err());
        TempRegistry.Run status = registry.run("query", "--status", "likely-abov");
        assertEquals(2, status.exitCode());
        assertTrue(status.err().contains("Did you mean 'likely_above'?"), status.err());
        TempRegistry.Run sort = registry.run("query", "--sort", "flops:desc");
        assertEquals(2, sort.exitCode());
        assertTrue(sort.err().contains("unknown sort field 'flops'. Did you mean 'flop'?"), sort.err());
        TempRegistry.Run method = registry.run("query", "--method", "hardwre");
        assertEquals(2, method.exitCode());
        assertTrue(method.err().contains("Did you mean 'hardware'?"), method.err());
        TempRegistry.Run date = registry.run("query", "--since", "June 2025");
        assertEquals(2, date.exitCode());
        assertTrue(date.err().contains("--since expects a date"), date.err());
        assertFalse(column.all().contains("Exception"));
    }
}
