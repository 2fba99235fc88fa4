package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed YAML record: the tree, plus where in the file every value and every key sits.
 * Locations are keyed by JSON Pointer ({@code /training_compute/estimates/0/flop}).
 */
public record YamlDocument(Path file, String text, JsonNode root, Map<String, Location> valueLocations,
                           Map<String, Location> keyLocations) {

    /** A document whose locations are found when first asked for. */
    YamlDocument(Path file, String text, JsonNode root, LazyLocations locations) {
        this(file, text, root, locations.values(), locations.keys());
    }

    /** Where the value at {@code pointer} starts; falls back to the nearest enclosing value, then the file start. */
    public Location valueLocation(String pointer) {
        return nearest(valueLocations, pointer);
    }

    /** Where the key naming {@code pointer} starts (for "unknown field" problems); falls back to its value. */
    public Location keyLocation(String pointer) {
        Location key = keyLocations.get(pointer);
        return key != null ? key : valueLocation(pointer);
    }

    private static Location nearest(Map<String, Location> locations, String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            Location found = locations.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Location.START;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }
}
