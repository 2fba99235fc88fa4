package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFieldOrderTest {
    @Test
    void theOrderIsTheSchemasOrderOfProperties() throws IOException {
        Path schema = Path.of(System.getProperty("tracker.repo"), "schema", "model.schema.json");
        JsonNode properties = new ObjectMapper().readTree(schema.toFile()).get("properties");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        assertEquals(names, RecordFieldOrder.TOP_LEVEL, "keep RecordFieldOrder in step with schema/model.schema.json");
    }

    @Test
    void aFieldTheSchemaDoesNotKnowSortsLast() {
        assertEquals(RecordFieldOrder.TOP_LEVEL.size(), RecordFieldOrder.rank("x_custom"));
        assertEquals(0, RecordFieldOrder.rank("id"));
    }
}
