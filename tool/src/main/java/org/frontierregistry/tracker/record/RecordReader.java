package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML record into a tree with the location of every key and value, rejecting what a
 * record must never contain: invalid UTF-8, control characters, tab indentation, duplicate keys,
 * anchors and aliases, several documents, oversized files.
 */
public final class RecordReader {
    /** Records are a few kilobytes; anything near this is a mistake or an attack. */
    public static final int MAX_BYTES = 256 * 1024;
    /**
     * Record lines are a few hundred characters. The YAML scanner's work grows with the square of an unbroken
     * run's length (a 200,000-character line took 80 MB and 2 s), so longer lines are refused before parsing.
     */
    public static final int MAX_LINE = 10_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    private final YAMLFactory yamlFactory;

    public RecordReader() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_BYTES);
        this.yamlFactory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /** The outcome of reading one file: a document, or the problems that stopped it. */
    public record Result(YamlDocument document, List<Problem> problems) {
        public boolean ok() {
            return document != null && problems.isEmpty();
        }
    }

    public Result read(Path file) {
        Bytes read = bytes(file);
        return read.failure() != null ? read.failure() : parse(file, read.content());
    }

    /** A file's content, or (in {@code failure}) why it cannot be read. */
    public record Bytes(byte[] content, Result failure) {
    }

    /**
     * Read through {@link FileInputStream}, not {@link Files#readAllBytes}: the same bytes through far less code, which
     * counts when it runs cold for every record (the repository's 256 files in a fresh JVM: 6-12 ms against 22-31 ms).
     */
    public Bytes bytes(Path file) {
        File plain = file.toFile();
        long size = plain.length(); // 0 when there is no such file: opening it then says why
        if (size > MAX_BYTES) {
            return new Bytes(null, tooLarge(file, size));
        }
        try (FileInputStream in = new FileInputStream(plain)) {
            byte[] content = in.readAllBytes();
            return content.length > MAX_BYTES ? new Bytes(null, tooLarge(file, content.length)) : new Bytes(content, null);
        } catch (IOException e) {
            return new Bytes(null, failed(file, Location.START, "unreadable", "cannot read the file: " + reason(e, plain),
                    "Check that the path exists and is a readable file."));
        }
    }

    /** Why a file could not be opened, without the path {@link FileInputStream} puts before it ("PATH (Is a directory)"). */
    private static String reason(IOException e, File file) {
        String message = String.valueOf(e.getMessage());
        String prefix = file.getPath() + " (";
        return message.startsWith(prefix) && message.endsWith(")") ? message.substring(prefix.length(), message.length() - 1) : message;
    }

    /**
     * The document of a content already known to read cleanly into {@code tree} (e.g. from a cache keyed
     * by the bytes); the YAML is parsed again only if locations are asked for.
     */
    public Result known(Path file, byte[] bytes, JsonNode tree) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String parsed = text;
        return new Result(new YamlDocument(file, text, tree, new LazyLocations(() -> locate(file, parsed))), List.of());
    }

    public Result parse(Path file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return tooLarge(file, bytes.length);
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (InvalidUtf8 e) {
            return failed(file, e.location, "not-utf8", "the file is not valid UTF-8 (bad byte at offset " + e.offset + ")",
                    "Save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8).");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<Problem> problems = scanCharacters(file, text);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return parseYaml(file, text);
    }

    /**
     * Most files are fine, so the first pass builds only the tree; locations are found by a second,
     * recording pass when something needs them (a problem to report, an edit), and at once for a file
     * that has problems, so its messages are exact.
     */
    private Result parseYaml(Path file, String text) {
        Result quick = parseYaml(file, text, null);
        if (quick.ok()) {
            return new Result(new YamlDocument(file, text, quick.document().root(), new LazyLocations(() -> locate(file, text))),
                    List.of());
        }
        return parseYaml(file, text, new Locations());
    }

    /** The locations of every key and value of a text that has already parsed cleanly. */
    private Locations locate(Path file, String text) {
        Locations found = new Locations();
        Result again = parseYaml(file, text, found);
        if (!again.ok()) {
            throw new IllegalStateException("a record that parsed once no longer parses: " + again.problems());
        }
        return found;
    }

    /** Where keys and values are, by JSON Pointer; filled while parsing when asked for. */
    static final class Locations {
        final Map<String, Location> values = new HashMap<>();
        final Map<String, Location> keys = new HashMap<>();
    }

    /** @param at where to record locations, or null for the quick pass that builds only the tree */
    private Result parseYaml(Path file, String text, Locations at) {
        List<Problem> problems = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) yamlFactory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return failed(file, Location.START, "empty-file", "the file is empty",
                        "Start from a template: ./tracker new --name \"Model name\" --org \"Developer\".");
            }
            if (first != JsonToken.START_OBJECT) {
                return failed(file, location(parser.currentTokenLocation()), "not-a-mapping",
                        "a record must be a mapping of fields (key: value), but the file starts with " + describe(first),
                        "Begin the file with 'id: <file name>' on the first line after the schema comment.");
            }
            JsonNode root = readValue(parser, "", at, problems, file);
            if (problems.isEmpty() && parser.nextToken() != null) {
                problems.add(new Problem(file, location(parser.currentTokenLocation()), "multiple-documents",
                        "the file holds more than one YAML document ('---' separator)",
                        "Keep exactly one model per file; move the other into its own file."));
            }
            if (!problems.isEmpty()) {
                return new Result(null, problems);
            }
            return new Result(at == null ? new YamlDocument(file, text, root, Map.of(), Map.of())
                    : new YamlDocument(file, text, root, Map.copyOf(at.values), Map.copyOf(at.keys)), List.of());
        } catch (JsonProcessingException e) {
            return failed(file, location(e.getLocation()), "yaml-syntax", cleanMessage(e.getOriginalMessage()),
                    "Check indentation (spaces only, two per level), colons after keys, and quotes around text containing ': ' or '#'.");
        } catch (IOException | RuntimeException e) {
            return failed(file, Location.START, "yaml-syntax", "cannot parse the YAML: " + cleanMessage(e.getMessage()),
                    "Compare the file with a record under models/ that validates.");
        }
    }

    /** Pointers and locations are built only when {@code at} records them: this runs for every value of every file. */
    private JsonNode readValue(YAMLParser parser, String pointer, Locations at, List<Problem> problems, Path file)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (at != null) {
            at.values.put(pointer, location(parser.currentTokenLocation()));
        }
        if (parser.isCurrentAlias() || parser.getObjectId() != null) {
            problems.add(new Problem(file, location(parser.currentTokenLocation()), "yaml-anchor",
                    "YAML anchors and aliases (&name, *name) are not allowed in records",
                    "Write the value out in full; records must read the same to people and to tools."));
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = at == null ? null : pointer + "/" + escape(name);
                    if (!seen.add(name)) {
                        Location firstAt = at == null ? Location.START : at.keys.get(child);
                        problems.add(new Problem(file, location(parser.currentTokenLocation()), "duplicate-key",
                                "key '" + name + "' appears twice in the same mapping (first at line "
                                        + firstAt.line() + ")",
                                "Keep one '" + name + "' and merge the values; YAML would silently keep only the last."));
                        parser.nextToken();
                        parser.skipChildren();
                        continue;
                    }
                    if (at != null) {
                        at.keys.put(child, location(parser.currentTokenLocation()));
                    }
                    parser.nextToken();
                    object.set(name, readValue(parser, child, at, problems, file));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String child = at == null ? null : pointer + "/" + index;
                    index++;
                    array.add(readValue(parser, child, at, problems, file));
                }
                return array;
            }
            default:
                if (token == JsonToken.VALUE_NUMBER_FLOAT && !Double.isFinite(parser.getDoubleValue())) {
                    // 1e999 or .inf read as infinity, which no estimate, check or output can use.
                    problems.add(new Problem(file, location(parser.currentTokenLocation()), "number-out-of-range",
                            "'" + parser.getText() + "' is not a usable number (it is beyond the largest a computer"
                                    + " number holds, about 1.8e308)",
                            "Write the number in scientific notation with a sensible exponent, e.g. 3.8e25."));
                }
                return scalar(parser, token);
        }
    }

    /** One scalar as a tree node; shared with {@link RecordTrees} so a cached tree equals a parsed one. */
    static JsonNode scalar(com.fasterxml.jackson.core.JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == com.fasterxml.jackson.core.JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(parser.getText());
        }
    }

    /** Finds characters YAML or people would trip over before the parser gives a vaguer message. */
    private static List<Problem> scanCharacters(Path file, String text) {
        List<Problem> problems = new ArrayList<>();
        int line = 1;
        int column = 1;
        boolean atIndent = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                atIndent = true;
                continue;
            }
            if (column > MAX_LINE) {
                problems.add(new Problem(file, new Location(line, column), "line-too-long",
                        "line " + line + " is longer than " + MAX_LINE + " characters",
                        "Records have short lines: break the text over several lines (YAML joins a quoted text's lines"
                                + " with spaces), or link the source instead of pasting it."));
                return problems;
            }
            if (c == '\t' && atIndent) {
                problems.add(new Problem(file, new Location(line, column), "tab-indent",
                        "a tab is used for indentation", "YAML indentation must use spaces; replace the tab with spaces."));
                return problems;
            }
            if (c != ' ') {
                atIndent = false;
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0)
                    || c == '\uFFFD' || c == '\uFEFF';
            if (control) {
                problems.add(new Problem(file, new Location(line, column), "bad-character",
                        String.format("invisible or invalid character U+%04X", (int) c),
                        "Delete it (it usually comes from copying text out of a PDF or a web page)."));
                return problems;
            }
            column++;
        }
        return problems;
    }

    private static String decodeUtf8(byte[] bytes) throws InvalidUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new InvalidUtf8(offset, new Location(line, column));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static final class InvalidUtf8 extends Exception {
        final int offset;
        final Location location;

        InvalidUtf8(int offset, Location location) {
            super(null, null, false, false);
            this.offset = offset;
            this.location = location;
        }
    }

    private static Result tooLarge(Path file, long size) {
        return failed(file, Location.START, "file-too-large",
                "file is " + size + " bytes; a record may be at most " + MAX_BYTES + " bytes",
                "Records are a few kilobytes. Move long quotations out and link the source instead.");
    }

    private static Result failed(Path file, Location at, String code, String message, String hint) {
        return new Result(null, List.of(new Problem(file, at, code, message, hint)));
    }

    private static Location location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Location.START;
        }
        return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "plain text";
            default -> "a single value";
        };
    }

    /** SnakeYAML messages repeat the location and quote the input; keep the first meaningful lines. */
    static String cleanMessage(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        StringBuilder kept = new StringBuilder();
        for (String part : message.split("\n")) {
            String line = part.strip();
            if (line.isEmpty() || line.startsWith("in 'reader'") || line.startsWith("in '") || line.equals("^")
                    || line.startsWith("at [Source")) {
                continue;
            }
            if (line.matches(".*\\^\\s*$") || part.startsWith("    ")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append("; ");
            }
            kept.append(line.replaceAll(",?\\s*line \\d+, column \\d+:?$", ""));
        }
        return kept.length() == 0 ? "invalid YAML" : kept.toString();
    }

    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
