package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Edits a record's YAML text in place: only the touched values change; comments, key order, quoting
 * and layout of everything else stay as the person wrote them. Every edit re-reads the text, so
 * locations stay exact and a broken result is caught at once.
 */
public final class RecordEditor {
    private final Path file;
    private final RecordReader reader = new RecordReader();
    private YamlDocument document;

    private RecordEditor(YamlDocument document) {
        this.file = document.file();
        this.document = document;
    }

    public static RecordEditor of(YamlDocument document) {
        return new RecordEditor(document);
    }

    public String text() {
        return document.text();
    }

    public YamlDocument document() {
        return document;
    }

    /** Sets the value at {@code pointer}, creating the key (and missing parent mappings) when absent. */
    public RecordEditor set(String pointer, Object value) {
        String rendered = YamlScalars.render(value);
        if (document.valueLocations().containsKey(pointer) && !pointer.isEmpty()) {
            replaceValue(pointer, rendered);
        } else {
            insertKey(pointer, rendered);
        }
        return this;
    }

    /**
     * Like {@link #set(String, Object)}, but a key that is absent goes right after its sibling {@code after}
     * (when that sibling is there) instead of last, so written values sit where people put them.
     */
    public RecordEditor set(String pointer, Object value, String after) {
        String sibling = parentOf(pointer) + "/" + RecordReader.escape(after);
        if (document.valueLocations().containsKey(pointer) || !document.keyLocations().containsKey(sibling)) {
            return set(pointer, value);
        }
        String key = YamlScalars.render(unescape(pointer.substring(pointer.lastIndexOf('/') + 1))) + ": " + YamlScalars.render(value);
        if (isFlow(parentOf(pointer))) {
            int end = valueEnd(sibling);
            apply(end, end, ", " + key);
        } else {
            Location at = document.keyLocation(sibling);
            int insertAt = blockEnd(at.line(), at.column() - 1);
            String prefix = insertAt > 0 && text().charAt(insertAt - 1) != '\n' ? "\n" : "";
            apply(insertAt, insertAt, prefix + " ".repeat(at.column() - 1) + key + "\n");
        }
        return this;
    }

    /** Removes a key (with its value) from its mapping; does nothing when absent. */
    public RecordEditor remove(String pointer) {
        if (!document.keyLocations().containsKey(pointer)) {
            return this;
        }
        String parent = parentOf(pointer);
        if (isFlow(parent)) {
            Span entry = new Span(offset(document.keyLocation(pointer)), valueEnd(pointer));
            String text = text();
            int start = entry.start;
            int end = entry.end;
            int after = skipSpaces(text, end);
            if (after < text.length() && text.charAt(after) == ',') {
                end = skipSpaces(text, after + 1);
            } else {
                int before = start - 1;
                while (before >= 0 && text.charAt(before) == ' ') {
                    before--;
                }
                if (before >= 0 && text.charAt(before) == ',') {
                    start = before;
                }
            }
            apply(start, end, "");
        } else {
            Location key = document.keyLocation(pointer);
            int start = lineStart(key.line());
            int end = blockEnd(key.line(), key.column() - 1);
            apply(start, end, "");
        }
        return this;
    }

    private void replaceValue(String pointer, String rendered) {
        Location key = document.keyLocations().get(pointer);
        Location value = document.valueLocation(pointer);
        JsonNode node = document.root().at(pointer);
        if (key != null && value.line() > key.line() && node.isContainerNode()) {
            int start = endOfKeyColon(key);
            apply(start, blockEnd(key.line(), key.column() - 1) - 1, " " + rendered);
            return;
        }
        apply(offset(value), valueEnd(pointer), rendered);
    }

    private void insertKey(String pointer, String rendered) {
        String parent = parentOf(pointer);
        String name = unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (!document.valueLocations().containsKey(parent) && !parent.isEmpty()) {
            insertKey(parent, "{}");
        }
        JsonNode parentNode = document.root().at(parent);
        if (!parentNode.isObject()) {
            throw new IllegalArgumentException("cannot add '" + name + "': " + parent + " is not a mapping");
        }
        if (isFlow(parent)) {
            int close = valueEnd(parent) - 1;
            String separator = parentNode.isEmpty() ? "" : ", ";
            apply(close, close, separator + YamlScalars.render(name) + ": " + rendered);
            return;
        }
        insertLines(parent, parentNode, List.of(name), rendered);
    }

    /**
     * Like {@link #set(String, Object)}, but missing parent mappings are written as indented blocks
     * (one key a line) instead of {@code {}}, for lists people read entry by entry.
     */
    public RecordEditor setAsBlocks(String pointer, Object value) {
        List<String> missing = new ArrayList<>();
        String parent = parentOf(pointer);
        missing.add(unescape(pointer.substring(pointer.lastIndexOf('/') + 1)));
        while (!parent.isEmpty() && !document.valueLocations().containsKey(parent)) {
            missing.add(0, unescape(parent.substring(parent.lastIndexOf('/') + 1)));
            parent = parentOf(parent);
        }
        JsonNode parentNode = document.root().at(parent);
        if (missing.size() == 1 || !parentNode.isObject() || isFlow(parent)) {
            return set(pointer, value);
        }
        insertLines(parent, parentNode, missing, YamlScalars.render(value));
        return this;
    }

    /** Writes keys[0]: / keys[1]: ... nested one level each, the last with the value, at the end of a block mapping. */
    private void insertLines(String parent, JsonNode parentNode, List<String> keys, String rendered) {
        int indent = childIndent(parent, parentNode);
        Location at = document.keyLocation(parent);
        int insertAt = parent.isEmpty() ? topLevelInsertionPoint(parentNode, keys.get(0))
                : isSequenceItem(parent) ? blockEnd(at.line(), at.column() - 1, true) : blockEnd(at.line(), at.column() - 1);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            lines.append(" ".repeat(indent + 2 * i)).append(YamlScalars.render(keys.get(i))).append(':')
                    .append(i == keys.size() - 1 ? " " + rendered : "").append('\n');
        }
        String line = lines.toString();
        String text = text();
        String prefix = insertAt > 0 && text.charAt(insertAt - 1) != '\n' ? "\n" : "";
        apply(insertAt, insertAt, prefix + line);
    }

    /**
     * Where a new top-level field goes: at the start of the line of the first field that comes after it in
     * the schema's order, or after the last line when none does.
     */
    private int topLevelInsertionPoint(JsonNode root, String field) {
        int rank = RecordFieldOrder.rank(field);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String existing = names.next();
            if (RecordFieldOrder.rank(existing) > rank) {
                Location at = document.keyLocation("/" + RecordReader.escape(existing));
                if (at.column() == 1) {
                    return offset(at);
                }
            }
        }
        return endOfContent();
    }

    private int childIndent(String parent, JsonNode parentNode) {
        if (!parentNode.isEmpty()) {
            String first = parent + "/" + RecordReader.escape(parentNode.fieldNames().next());
            return document.keyLocation(first).column() - 1;
        }
        return parent.isEmpty() ? 0 : document.keyLocation(parent).column() - 1 + 2;
    }

    /** End offset (exclusive) of the value at pointer, for scalars and flow collections. */
    private int valueEnd(String pointer) {
        String text = text();
        int start = offset(document.valueLocation(pointer));
        char first = text.charAt(start);
        if (first == '"' || first == '\'') {
            return closingQuote(text, start) + 1;
        }
        if (first == '[' || first == '{') {
            return matchingBracket(text, start) + 1;
        }
        boolean inFlow = isFlow(parentOf(pointer));
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '#' && i > start && text.charAt(i - 1) == ' ')
                    || (inFlow && (c == ',' || c == ']' || c == '}'))) {
                break;
            }
            i++;
        }
        while (i > start && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\r')) {
            i--;
        }
        return i;
    }

    private boolean isFlow(String pointer) {
        if (pointer.isEmpty()) {
            return false;
        }
        char c = text().charAt(offset(document.valueLocation(pointer)));
        return c == '{' || c == '[';
    }

    /** Offset just past the last line belonging to a block entry whose key sits at the given indent. */
    private int blockEnd(int keyLine, int keyIndent) {
        return blockEnd(keyLine, keyIndent, false);
    }

    /** With {@code siblingsBelong}, lines at the same indent continue the block (the keys of a sequence item). */
    private int blockEnd(int keyLine, int keyIndent, boolean siblingsBelong) {
        String[] lines = text().split("\n", -1);
        int last = keyLine;
        for (int l = keyLine + 1; l <= lines.length; l++) {
            String line = lines[l - 1];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            boolean continues = siblingsBelong
                    ? indent >= keyIndent
                    : indent > keyIndent || (indent == keyIndent && stripped.startsWith("- "));
            if (!continues) {
                break;
            }
            last = l;
        }
        return Math.min(text().length(), lineStart(last + 1));
    }

    private boolean isSequenceItem(String pointer) {
        return document.root().at(parentOf(pointer)).isArray();
    }

    private int endOfKeyColon(Location key) {
        String text = text();
        int i = offset(key);
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return i + 1;
    }

    private int endOfContent() {
        return text().length();
    }

    private void apply(int start, int end, String replacement) {
        String text = text();
        String edited = text.substring(0, start) + replacement + text.substring(Math.max(start, end));
        RecordReader.Result result = reader.parse(file, edited.getBytes(StandardCharsets.UTF_8));
        if (!result.ok()) {
            throw new IllegalStateException("edit would break " + file + ": " + result.problems().get(0).message());
        }
        document = result.document();
    }

    private int offset(Location location) {
        return lineStart(location.line()) + location.column() - 1;
    }

    private int lineStart(int line) {
        String text = text();
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return offset;
    }

    private static int closingQuote(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return text.length() - 1;
    }

    private static int matchingBracket(String text, int start) {
        List<Character> stack = new ArrayList<>();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
            } else if (c == '[' || c == '{') {
                stack.add(c);
            } else if (c == ']' || c == '}') {
                stack.remove(stack.size() - 1);
                if (stack.isEmpty()) {
                    return i;
                }
            }
        }
        return text.length() - 1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String parentOf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private record Span(int start, int end) {
    }
}
