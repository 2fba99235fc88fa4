package org.frontierregistry.tracker.scrape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading a JSON response with the errors every JSON source gives: unreadable (often truncated), wrong shape, too few entries. */
public final class SourceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceJson() {
    }

    public static JsonNode read(String source, byte[] body, String origin) throws SourceShapeException {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                throw new SourceShapeException(source + ": " + origin + " is empty; the response may be truncated");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's limits (nesting depth, number length) stop the read without a location.
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SourceShapeException(source + ": " + origin + " is not readable JSON (" + e.getOriginalMessage() + at
                    + "); the response may be truncated");
        } catch (IOException e) {
            throw new SourceShapeException(source + ": " + origin + " could not be read: " + e.getMessage());
        }
    }

    /**
     * The array of entries under the first of {@code fields} present (or the root itself when it is an array and
     * {@code rootArray}), with at least {@code minEntries}.
     *
     * @param className the class to update when the shape changed, for the message
     */
    public static JsonNode entries(String source, JsonNode root, String origin, int minEntries, String className,
                                   boolean rootArray, String... fields) throws SourceShapeException {
        JsonNode list = rootArray && root.isArray() ? root : null;
        for (String field : fields) {
            if (list == null && root.path(field).isArray()) {
                list = root.get(field);
            }
        }
        if (list == null) {
            throw new SourceShapeException(source + ": " + origin + " has no \"" + String.join("\" or \"", fields)
                    + "\" array at the top; the source changed shape. Update " + className
                    + " (see docs/sources.md) before proposing anything.");
        }
        if (list.size() < minEntries) {
            throw new SourceShapeException(source + ": " + origin + " lists " + list.size() + " entries where at least "
                    + minEntries + " are expected; the response looks truncated or emptied, so nothing is proposed.");
        }
        return list;
    }

    /** A field's text, or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    /** A field's number, or null when absent or not a number. */
    public static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
