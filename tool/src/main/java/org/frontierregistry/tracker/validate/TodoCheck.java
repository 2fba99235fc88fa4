package org.frontierregistry.tracker.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * No value may still be a template placeholder ("TODO", "TODO: …"): the record template
 * (docs/model-template.yaml, {@code tracker new}) marks what is left to fill that way.
 */
public final class TodoCheck implements RecordCheck {
    @Override
    public List<Problem> check(RecordSet records) {
        List<Problem> problems = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            if (mayHoldPlaceholder(loaded.document().text())) {
                walk(loaded, loaded.document().root(), new ArrayDeque<>(), problems);
            }
        }
        return problems;
    }

    /** Pointers are built only for placeholders found: this check runs over every value of every record. */
    private static void walk(LoadedRecord loaded, JsonNode node, Deque<String> path, List<Problem> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                path.addLast(e.getKey());
                walk(loaded, e.getValue(), path, problems);
                path.removeLast();
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.addLast(Integer.toString(i));
                walk(loaded, node.get(i), path, problems);
                path.removeLast();
            }
        } else if (node.isTextual() && mayBePlaceholder(node.textValue()) && isPlaceholder(node.textValue())) {
            List<String> escaped = path.stream().map(RecordReader::escape).toList();
            String pointer = "/" + String.join("/", escaped);
            String field = String.join(".", escaped);
            problems.add(new Problem(loaded.file(), loaded.document().valueLocation(pointer), "todo-left",
                    field + " is still the template's placeholder '" + node.asText() + "'",
                    "Replace it with the real value; the comment on the line says what goes there."));
        }
    }

    /**
     * Whether any value of a file with this text could be a placeholder: every placeholder contains "todo" in
     * some case, and a YAML value can only hold letters its text does not show through a double-quoted escape
     * ({@code "\x54ODO"}). A file with neither is skipped without walking its tree (most files, every run).
     */
    static boolean mayHoldPlaceholder(String text) {
        return text == null || text.indexOf('\\') >= 0 || containsTodo(text);
    }

    /**
     * Whether "todo" appears in any case: Horspool's search, which looks at the last letter of each window of four
     * and moves on by up to four letters (a plain scan of every letter of every file was 6% of a validation).
     */
    private static boolean containsTodo(String text) {
        int i = 0;
        int end = text.length() - 3;
        while (i < end) {
            switch (text.charAt(i + 3)) {
                case 'o', 'O' -> {
                    if (text.regionMatches(true, i, "todo", 0, 4)) {
                        return true;
                    }
                    i += 2;
                }
                case 'd', 'D' -> i += 1;
                case 't', 'T' -> i += 3;
                default -> i += 4;
            }
        }
        return false;
    }

    /** A cheap first look: every placeholder contains a 't' or 'T' after optional spaces ("todo", "TODO: …"). */
    private static boolean mayBePlaceholder(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < length && (text.charAt(i) == 'T' || text.charAt(i) == 't');
    }

    static boolean isPlaceholder(String text) {
        String t = text.strip();
        return t.equalsIgnoreCase("todo") || t.startsWith("TODO:") || t.startsWith("TODO ");
    }
}
