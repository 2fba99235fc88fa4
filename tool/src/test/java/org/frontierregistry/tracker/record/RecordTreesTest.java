package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;

class RecordTreesTest {
    private final RecordReader reader = new RecordReader();

    @Test
    void everyRecordOfTheRepositoryComesBackFromJsonAsTheSameNodes() throws IOException {
        List<Path> files = new ArrayList<>(RegistryLayout.yamlFilesIn(TempRegistry.realRepository().resolve("models")));
        files.addAll(RegistryLayout.yamlFilesIn(Path.of("src/test/resources/records/valid")));
        assertTrue(files.size() > 3, "records found: " + files);
        for (Path file : files) {
            JsonNode parsed = reader.read(file).document().root();
            byte[] json = RecordTrees.toJson(parsed).getBytes(StandardCharsets.UTF_8);

            JsonNode back = RecordTrees.fromJson(json, 0, json.length);

            assertEquals(parsed, back, file.toString());
            assertEquals(parsed.toString(), back.toString(), file.toString());
        }
    }

    @Test
    void aTreeJsonCannotCarryExactlyIsNotEncoded() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("flop", Double.NaN);
        assertNull(RecordTrees.toJson(tree));
    }

    @Test
    void cutOrForeignJsonIsNotATree() {
        for (String text : new String[] {"{\"id\": \"a\", \"aliases\": [\"b\"", "[1, 2]", "{\"id\": 1} {}", ""}) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertNull(RecordTrees.fromJson(bytes, 0, bytes.length), text);
        }
    }

    @Test
    void aShippedJsonFileReadsToTheValuesAMapperReads() throws IOException {
        String text = Files.readString(TempRegistry.realRepository().resolve("data/imputation/fit.json"));

        JsonNode read = RecordTrees.readObject(text);

        assertEquals(new ObjectMapper().readTree(text).toString(), read.toString());
    }

    @Test
    void textThatIsNotOneJsonObjectIsRefusedSayingWhere() {
        for (String text : new String[] {"{\"fits\": [1, 2", "[1, 2]", "{\"fits\": []} {}", "", "{\"fits\": [1,, 2]}"}) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> RecordTrees.readObject(text), text);
            assertTrue(e.getMessage().contains("line: 1"), e.getMessage());
        }
    }

    @Test
    void locationsOfACleanRecordAreFoundWhenFirstAskedFor() throws IOException {
        Path file = Path.of("src/test/resources/records/valid/every-method.yaml");
        YamlDocument document = reader.read(file).document();
        List<String> lines = Files.readAllLines(file);

        Location status = document.valueLocation("/status");
        Location statusKey = document.keyLocation("/status");

        assertTrue(lines.get(status.line() - 1).substring(status.column() - 1).startsWith(document.root().get("status").asText()));
        assertTrue(lines.get(statusKey.line() - 1).startsWith("status:"));
        assertTrue(document.valueLocations().containsKey("/training_compute/estimates/0/method"));
    }
}
