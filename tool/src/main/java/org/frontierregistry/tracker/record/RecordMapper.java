package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Turns a schema-valid tree into a {@link ModelRecord}. */
public final class RecordMapper {
    /** Built on first use: the usual record never needs it (see {@link FastRecordMapping}). */
    private static final class Jackson {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private RecordMapper() {
    }

    public static ModelRecord toRecord(JsonNode tree) throws IllegalArgumentException {
        try {
            return FastRecordMapping.map(tree);
        } catch (FastRecordMapping.Unusual unusual) {
            return withJackson(tree);
        }
    }

    /** Jackson's data binding: the reference the fast mapping agrees with, and the reader of unusual values. */
    static ModelRecord withJackson(JsonNode tree) throws IllegalArgumentException {
        try {
            // Reads the tree directly; convertValue would first copy it into a token buffer.
            return Jackson.MAPPER.treeToValue(tree, ModelRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return Jackson.MAPPER;
    }
}
