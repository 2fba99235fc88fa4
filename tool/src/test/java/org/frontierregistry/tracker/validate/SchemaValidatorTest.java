package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.record.YamlDocument;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The schema's rules, read from the schema itself, each shown to reject a record that breaks it. */
class SchemaValidatorTest {
    private static SchemaValidator validator;
    private static JsonNode schema;
    private static final Path VALID = Path.of("src/test/resources/records/valid");

    @BeforeAll
    static void load() throws IOException {
        Path file = TempRegistry.realRepository().resolve(RegistryLayout.SCHEMA);
        validator = SchemaValidator.load(file);
        schema = new ObjectMapper().readTree(file.toFile());
    }

    private static YamlDocument read(Path file) {
        RecordReader.Result result = new RecordReader().read(file);
        assertTrue(result.ok(), () -> result.problems().toString());
        return result.document();
    }

    private static List<Problem> validate(JsonNode tree) {
        YamlDocument base = read(VALID.resolve("every-method.yaml"));
        return validator.validate(new YamlDocument(base.file(), base.text(), tree, base.valueLocations(), base.keyLocations()));
    }

    @TestFactory
    Stream<DynamicTest> everyValidSamplePasses() throws IOException {
        List<Path> samples = new ArrayList<>(RegistryLayout.yamlFilesIn(VALID));
        samples.addAll(RegistryLayout.yamlFilesIn(TempRegistry.realRepository().resolve("models")));
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(),
                () -> assertEquals(List.of(), validator.validate(read(sample)))));
    }

    @TestFactory
    Stream<DynamicTest> removingAnyRequiredTopLevelFieldIsRejected() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode required : schema.get("required")) {
            String field = required.asText();
            tests.add(DynamicTest.dynamicTest(field, () -> {
                ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
                tree.remove(field);
                List<Problem> problems = validate(tree);
                assertEquals(1, problems.size(), problems.toString());
                assertEquals("schema-missing-field", problems.get(0).code());
                assertTrue(problems.get(0).message().contains("'" + field + "'"));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aValueOutsideAnyEnumIsRejectedWithASuggestion() {
        Map<String, String> enumFields = Map.of(
                "/status", "abov",
                "/accessibility", "API acess",
                "/domains/0", "Langauge",
                "/training_compute/confidence", "Confidant",
                "/training_compute/estimates/0/method", "reportd",
                "/provenance/created_by", "bott");
        return enumFields.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
            set(tree, entry.getKey(), entry.getValue());
            List<Problem> problems = validate(tree);
            assertFalse(problems.isEmpty());
            Problem problem = problems.stream().filter(p -> p.code().equals("schema-enum")).findFirst().orElseThrow(
                    () -> new AssertionError(problems.toString()));
            assertTrue(problem.hint().startsWith("Did you mean '"), problem.hint());
        }));
    }

    @Test
    void flopIsAPositiveNumberAlsoWrittenInScientificNotation() {
        ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
        assertTrue(tree.at("/training_compute/flop").isNumber(), "5e24 in YAML reads as a number");
        set(tree, "/training_compute/flop", "a lot");
        assertEquals("schema-type", validate(tree).get(0).code());
        ((ObjectNode) tree.at("/training_compute")).put("flop", 0);
        assertEquals("schema-exclusiveMinimum", validate(tree).get(0).code());
    }

    @Test
    void anEmptyListThatNeedsEntriesSaysSoInPlainWords() {
        ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
        tree.putArray("organizations");
        Problem problem = validate(tree).get(0);
        assertEquals("schema-minItems", problem.code());
        assertEquals("organizations needs at least 1 entry", problem.message());
    }

    @Test
    void datesAndUrlsMustBeWellFormed() {
        ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
        tree.put("publication_date", "2025-02-30");
        ((ObjectNode) tree.at("/sources/0")).put("url", "ftp://example.org/x");
        List<String> codes = validate(tree).stream().map(Problem::code).sorted().toList();
        assertTrue(codes.contains("schema-format"), codes.toString());
        assertTrue(codes.contains("schema-pattern"), codes.toString());
    }

    @Test
    void eachMethodHasItsOwnShapeOfInputs() {
        ObjectNode tree = read(VALID.resolve("every-method.yaml")).root().deepCopy();
        ((ObjectNode) tree.at("/training_compute/estimates/2/inputs")).remove("utilization");
        ((ObjectNode) tree.at("/training_compute/estimates/4/inputs")).put("factor", 2);
        List<String> messages = validate(tree).stream().map(Problem::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("missing required field 'utilization'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("unknown field 'factor'")), messages.toString());
    }

    @Test
    void everyPropertyInTheSchemaHasADescriptionForEditorHoverHelp() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "", undescribed);
        assertEquals(List.of(), undescribed);
    }

    @Test
    void everyObjectInTheSchemaForbidsUnknownFields() {
        List<String> open = new ArrayList<>();
        collectOpenObjects(schema, "", open);
        assertEquals(List.of(), open);
    }

    private static void collectUndescribed(JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            node.forEach(child -> collectUndescribed(child, path, out));
            return;
        }
        if (path.endsWith("/if")) {
            return;
        }
        JsonNode properties = node.get("properties");
        if (properties != null && properties.isObject() && !path.endsWith("/then")) {
            properties.fields().forEachRemaining(e -> {
                JsonNode p = e.getValue();
                boolean described = p.has("description") || (p.has("$ref") && schema.at(p.get("$ref").asText().substring(1)).has("description"));
                if (!described) {
                    out.add(path + "/" + e.getKey());
                }
            });
        }
        node.fields().forEachRemaining(e -> collectUndescribed(e.getValue(), path + "/" + e.getKey(), out));
    }

    private static void collectOpenObjects(JsonNode node, String path, List<String> out) {
        if (!node.isObject()) {
            node.forEach(child -> collectOpenObjects(child, path, out));
            return;
        }
        if (path.endsWith("/if")) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties") && !path.endsWith("/then")) {
            out.add(path);
        }
        node.fields().forEachRemaining(e -> collectOpenObjects(e.getValue(), path + "/" + e.getKey(), out));
    }

    private static void set(ObjectNode tree, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }

}
