package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;

/** The field-by-field mapping gives exactly what Jackson's data binding gives, or leaves the tree to it. */
class RecordMapperTest {
    private static final Path FILE = Path.of("models/mapped.yaml");

    private static JsonNode tree(String yaml) {
        RecordReader.Result read = new RecordReader().parse(FILE, yaml.getBytes(StandardCharsets.UTF_8));
        return read.ok() ? read.document().root() : null;
    }

    /** Both give the same record, or both refuse the tree with the same message. */
    private static void assertSameAsJackson(JsonNode tree, String what) {
        ModelRecord expected;
        try {
            expected = RecordMapper.withJackson(tree);
        } catch (IllegalArgumentException refused) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordMapper.toRecord(tree), what);
            assertEquals(refused.getMessage(), e.getMessage(), what);
            return;
        }
        assertEquals(expected, RecordMapper.toRecord(tree), what);
    }

    @Example
    void everyRecordOfTheRepositoryAndTheTestsMapsAsJacksonMapsIt() throws IOException {
        List<Path> files = new ArrayList<>(RegistryLayout.yamlFilesIn(TempRegistry.realRepository().resolve("models")));
        files.addAll(RegistryLayout.yamlFilesIn(Path.of("src/test/resources/records")));
        assertFalse(files.isEmpty());
        for (Path file : files) {
            JsonNode tree = tree(Files.readString(file));
            if (tree != null) {
                assertSameAsJackson(tree, file.toString());
            }
        }
    }

    /** The point of the fast mapping: a schema-valid record never needs Jackson. */
    @Example
    void theRepositorysRecordsNeedNoJackson() throws IOException {
        for (Path file : RegistryLayout.yamlFilesIn(TempRegistry.realRepository().resolve("models"))) {
            JsonNode tree = tree(Files.readString(file));
            assertDoesNotThrow(() -> FastRecordMapping.map(tree), file.toString());
        }
        assertDoesNotThrow(() -> FastRecordMapping.map(tree(RECORD)));
    }

    private static final String RECORD = """
            id: llama
            name: Llama
            aliases: [llama-3]
            identifiers: {epoch: Llama 3.1-405B, huggingface: [meta-llama/Llama-3.1-405B]}
            organizations: [Meta AI]
            publication_date: 2024-07-23
            domains: [Language]
            parameters: 405e9
            hardware: {chip: H100 SXM, count: 16384, hours: 30.84e6}
            benchmarks: {mmlu: 88, gpqa: 51.1}
            training_compute:
              estimates:
                - method: parameters_tokens
                  flop: 3.7908e25
                  confidence: Confident
                  inputs: {parameters: 405e9, tokens: 15.6e12, stages: [{name: a, parameters: 1, tokens: 2}], note: ~}
                  reasoning: Six times parameters times tokens.
                  sources: [report]
              flop: 3.791e25
              confidence: Confident
              log10_sd: 0.2901
              interval_90: [1.264e25, 1.137e26]
              p_above: 0.977
              method: parameters_tokens
            status: above
            sources:
              - {id: report, url: "https://example.org/report", accessed: 2024-08-01}
            review: {verified: true, by: someone, date: 2024-09-01}
            provenance: {created_by: contractor, scraped_from: [{source: epoch, key: Llama 3.1-405B, seen: 2024-09-02}]}
            """;

    /** Values of other types than the schema's, which Jackson coerces or refuses in its own way. */
    @Example
    void unusualValuesAreLeftToJackson() {
        String[][] edits = {
                {"", ""},
                {"parameters: 405e9", "parameters: \"405e9\""},
                {"parameters: 405e9", "parameters: ~"},
                {"parameters: 405e9", "parameters: true"},
                {"name: Llama", "name: 42"},
                {"name: Llama", "name: ~"},
                {"name: Llama", "name: [a, b]"},
                {"aliases: [llama-3]", "aliases: llama-3"},
                {"aliases: [llama-3]", "aliases: [llama-3, ~]"},
                {"aliases: [llama-3]", "aliases: [3, 4.5]"},
                {"publication_date: 2024-07-23", "publication_date: 2024-07-23T10:00:00"},
                {"publication_date: 2024-07-23", "publication_date: \" 2024-07-23 \""},
                {"publication_date: 2024-07-23", "publication_date: \"\""},
                {"publication_date: 2024-07-23", "publication_date: 2024-02-30"},
                {"publication_date: 2024-07-23", "publication_date: 20240723"},
                {"publication_date: 2024-07-23", "publication_date: 2024-13-01"},
                {"publication_date: 2024-07-23", "publication_date: 2024-00-10"},
                {"publication_date: 2024-07-23", "publication_date: 2023-02-29"},
                {"publication_date: 2024-07-23", "publication_date: 2024-02-29"},
                {"publication_date: 2024-07-23", "publication_date: 0000-01-01"},
                {"publication_date: 2024-07-23", "publication_date: 2024-1a-01"},
                {"publication_date: 2024-07-23", "publication_date: \"+024-07-23\""},
                {"publication_date: 2024-07-23", "publication_date: \"-024-07-23\""},
                {"publication_date: 2024-07-23", "publication_date: 2024/07/23"},
                {"publication_date: 2024-07-23", "publication_date: \"２０２４-07-23\""},
                {"date: 2024-09-01", "date: 2024-09-31"},
                {"count: 16384", "count: 16384.0"},
                {"count: 16384", "count: 1e30"},
                {"count: 16384", "count: 99999999999"},
                {"count: 16384", "count: \"16384\""},
                {"verified: true", "verified: \"yes\""},
                {"verified: true", "verified: ~"},
                {"review: {verified: true, by: someone, date: 2024-09-01}", "review: {by: someone}"},
                {"confidence: Confident\n      log10", "confidence: confident\n      log10"},
                {"confidence: Confident\n      log10", "confidence: 1\n      log10"},
                {"method: parameters_tokens\n    status", "method: Parameters_Tokens\n    status"},
                {"method: parameters_tokens\n    status", "method: guess\n    status"},
                {"status: above", "status: 3"},
                {"status: above", "status: sideways"},
                {"benchmarks: {mmlu: 88, gpqa: 51.1}", "benchmarks: {mmlu: ~}"},
                {"benchmarks: {mmlu: 88, gpqa: 51.1}", "benchmarks: [88]"},
                {"inputs: {parameters: 405e9, tokens: 15.6e12, stages: [{name: a, parameters: 1, tokens: 2}], note: ~}", "inputs: ~"},
                {"inputs: {parameters: 405e9, tokens: 15.6e12, stages: [{name: a, parameters: 1, tokens: 2}], note: ~}", "other: 1"},
                {"inputs: {parameters: 405e9, tokens: 15.6e12, stages: [{name: a, parameters: 1, tokens: 2}], note: ~}", "inputs: [1]"},
                {"interval_90: [1.264e25, 1.137e26]", "interval_90: [1.264e25, \"x\"]"},
                {"identifiers: {epoch: Llama 3.1-405B, huggingface: [meta-llama/Llama-3.1-405B]}", "identifiers: ~"},
                {"training_compute:", "unknown_field: 1\ntraining_compute:"},
                {"provenance: {created_by: contractor, ", "provenance: {created_by: 7, "},
        };
        for (String[] edit : edits) {
            String yaml = RECORD.replace(edit[0], edit[1]);
            JsonNode tree = tree(yaml);
            assertFalse(tree == null, edit[1] + " makes the record unreadable:\n" + yaml);
            assertSameAsJackson(tree, edit[1]);
        }
        assertSameAsJackson(tree("[1, 2]"), "a list");
        assertSameAsJackson(tree("just text"), "a scalar");
    }

    @Property(tries = 300)
    void aMutatedRecordMapsAsJacksonMapsIt(@ForAll("mutants") Mutant mutant) {
        RecordReader.Result read = new RecordReader().parse(FILE, mutant.bytes());
        if (read.ok()) {
            assertSameAsJackson(read.document().root(), mutant.toString());
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Fuzz.mutantsOf(RecordReaderFuzzTest.seeds());
    }
}
