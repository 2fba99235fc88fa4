package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;

/**
 * A record's tree as one line of JSON and back, giving the same nodes {@link RecordReader} builds
 * (longs, doubles, text), so a tree kept in a cache behaves exactly like one read from the YAML.
 */
public final class RecordTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    private static final JsonFactory JSON = new JsonFactory();

    private RecordTrees() {
    }

    /** Made on first write: reading trees from the cache, the usual case, needs no mapper, whose set-up is slow. */
    private static final class Writer {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Writer() {
        }
    }

    /** One line of JSON, or null when the tree holds a value JSON cannot carry exactly (NaN, infinity). */
    public static String toJson(JsonNode tree) {
        if (!finite(tree)) {
            return null;
        }
        try {
            return Writer.MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            return null;
        }
    }

    /** The tree written by {@link #toJson}, or null when the text is not such a tree (a damaged cache). */
    public static JsonNode fromJson(byte[] utf8, int offset, int length) {
        JsonNode decoded = TreeLineDecoder.object(utf8, offset, length);
        return decoded != null ? decoded : withJackson(utf8, offset, length);
    }

    /** As {@link #fromJson}, always by Jackson's parser: what the decoder must agree with. */
    static JsonNode withJackson(byte[] utf8, int offset, int length) {
        try (JsonParser parser = JSON.createParser(utf8, offset, length)) {
            return object(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A JSON object in the same nodes, for a data file the tool ships (the imputation fit): reading a tree this
     * way needs no mapper, whose set-up is some 50 ms of a cold start.
     *
     * @throws JsonProcessingException when the text is not one JSON object, saying where
     */
    public static JsonNode readObject(String text) throws JsonProcessingException {
        try (JsonParser parser = JSON.createParser(text)) {
            return object(parser);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, e.getMessage());
        }
    }

    private static JsonNode object(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(parser, "expected a JSON object");
        }
        JsonNode tree = read(parser);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "more after the object");
        }
        return tree;
    }

    private static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            default:
                return RecordReader.scalar(parser, token);
        }
    }

    private static boolean finite(JsonNode node) {
        if (node.isContainerNode()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                if (!finite(it.next())) {
                    return false;
                }
            }
            return true;
        }
        return !node.isNumber() || !node.isFloatingPointNumber() || Double.isFinite(node.doubleValue());
    }
}
