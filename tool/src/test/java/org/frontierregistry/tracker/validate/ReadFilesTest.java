package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Validator#readFiles}: each content read and checked against the schema on its own, as {@code tracker diff}
 * needs the records; what only a look across records finds is left to {@link Validator#validateFiles}.
 */
class ReadFilesTest {
    @TempDir
    Path folder;

    private TempRegistry registry;
    private final Map<Path, byte[]> contents = new LinkedHashMap<>();

    @BeforeEach
    void twoRecordsOfTheSameNameAndOneAgainstTheSchema() throws Exception {
        registry = TempRegistry.in(folder);
        put("alpha", RecordYaml.of("alpha", "Alpha", "above", 2e25));
        put("alpha-again", RecordYaml.of("alpha-again", "Alpha", "above", 2e25));
        put("bad-enum", Files.readString(Path.of("src/test/resources/records/invalid/bad-enum.yaml")));
    }

    private void put(String id, String yaml) {
        contents.put(registry.root().resolve("models/" + id + ".yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNameTwoRecordsShareIsNoFindingOfReadingButASchemaViolationIs() throws Exception {
        ValidationReport validated = validator().validateFiles(contents);
        ValidationReport read = validator().readFiles(contents);

        assertTrue(codes(validated.problems()).containsAll(List.of("duplicate-alias", "schema-enum")), validated.problems().toString());
        assertEquals(List.of("schema-enum"), codes(read.problems()));
        assertEquals("bad-enum.yaml", read.problems().get(0).file().getFileName().toString());
        assertEquals(ids(validated), ids(read));
        assertEquals(List.of("alpha", "alpha-again"), ids(read));
    }

    @Test
    void eachRecordReadCarriesItsContentsDigestWithTheCacheOrWithout() throws Exception {
        for (ValidationReport read : List.of(validator().readFiles(contents), validator().readFiles(contents),
                withoutCache().readFiles(contents))) {
            for (LoadedRecord record : read.records().loaded()) {
                assertEquals(ValidationCache.digest(contents.get(record.file())), record.contentDigest(), record.id());
            }
        }
    }

    private Validator validator() throws Exception {
        return Validator.forRegistry(registry.layout(), Clock.systemUTC());
    }

    private Validator withoutCache() throws Exception {
        return new Validator(SchemaValidator.load(registry.layout().schemaFile()), Checks.standard(Clock.systemUTC()));
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).sorted().toList();
    }

    private static List<String> ids(ValidationReport report) {
        return report.records().loaded().stream().map(LoadedRecord::id).sorted().toList();
    }
}
