package org.frontierregistry.tracker.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads the one line of JSON {@link RecordTrees#toJson} writes into the nodes Jackson's parser gives
 * ({@link RecordReader#scalar}): text, longs (or a big integer beyond them), doubles, booleans, nulls. Every run
 * that reads the registry reads each record's line from the validation cache, and Jackson's parser, run cold on
 * some 800 kB of them, was the largest part of that. This decoder copies a string without escapes in one step and
 * does little else per byte. It takes JSON as Jackson writes it (no spaces; any valid escape is read): anything
 * else gives null, and {@link RecordTrees#fromJson} then asks Jackson, so its answer never differs.
 */
final class TreeLineDecoder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    /**
     * Deeper nesting and longer names, texts or numbers are left to Jackson and its limits ({@code
     * StreamReadConstraints}: 50,000 for a name, 1,000 for a number, ...), well inside them: a record's keys are
     * short, its numbers shorter still, and it is a few levels deep.
     */
    private static final int MOST_DEPTH = 64;
    private static final int LONGEST_NAME = 1_000;
    private static final int LONGEST_TEXT = 1_000_000;
    private static final int LONGEST_NUMBER = 100;

    private final byte[] bytes;
    private final int end;
    private int at;
    private int depth;

    private TreeLineDecoder(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.at = from;
        this.end = end;
    }

    /** The object in {@code bytes[from, from + length)}, or null when it is not one object written as Jackson writes. */
    static JsonNode object(byte[] bytes, int from, int length) {
        TreeLineDecoder decoder = new TreeLineDecoder(bytes, from, from + length);
        try {
            if (decoder.peek() != '{') {
                return null;
            }
            JsonNode tree = decoder.value();
            return tree != null && decoder.at == decoder.end ? tree : null;
        } catch (RuntimeException e) {
            return null; // past the end, a bad number: Jackson decides
        }
    }

    private int peek() {
        return at < end ? bytes[at] : -1;
    }

    /** The value at the cursor, or null when it is not written as Jackson writes it. */
    private JsonNode value() {
        switch (peek()) {
            case '{':
                return object();
            case '[':
                return array();
            case '"': {
                int start = at;
                String text = string();
                return text == null || at - start > LONGEST_TEXT ? null : NODES.textNode(text);
            }
            case 't':
                return word("true") ? NODES.booleanNode(true) : null;
            case 'f':
                return word("false") ? NODES.booleanNode(false) : null;
            case 'n':
                return word("null") ? NODES.nullNode() : null;
            default:
                return number();
        }
    }

    private ObjectNode object() {
        if (++depth > MOST_DEPTH) {
            return null;
        }
        ObjectNode object = NODES.objectNode();
        at++;
        if (peek() == '}') {
            at++;
            depth--;
            return object;
        }
        while (true) {
            if (peek() != '"') {
                return null;
            }
            int nameStart = at;
            String name = string();
            if (name == null || at - nameStart > LONGEST_NAME || peek() != ':') {
                return null;
            }
            at++;
            JsonNode value = value();
            if (value == null) {
                return null;
            }
            object.set(name, value);
            int next = peek();
            at++;
            if (next == '}') {
                depth--;
                return object;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    private ArrayNode array() {
        if (++depth > MOST_DEPTH) {
            return null;
        }
        ArrayNode array = NODES.arrayNode();
        at++;
        if (peek() == ']') {
            at++;
            depth--;
            return array;
        }
        while (true) {
            JsonNode value = value();
            if (value == null) {
                return null;
            }
            array.add(value);
            int next = peek();
            at++;
            if (next == ']') {
                depth--;
                return array;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    /** The string at the cursor (its opening quote); null when it holds a byte JSON does not allow there. */
    private String string() {
        int start = ++at;
        boolean ascii = true;
        while (at < end) {
            byte b = bytes[at];
            if (b == '"') {
                String text = new String(bytes, start, at - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                at++;
                return ascii || wellFormed(text) ? text : null;
            }
            if (b == '\\') {
                return escaped(start);
            }
            if (b >= 0 && b < 0x20) {
                return null;
            }
            ascii &= b >= 0;
            at++;
        }
        return null;
    }

    /**
     * The rest of a string from its first escape (the cursor); the bytes from {@code start} up to it were already
     * found plain by {@link #string}.
     */
    private String escaped(int start) {
        StringBuilder text = new StringBuilder();
        int plain = start;
        while (at < end) {
            byte b = bytes[at];
            if (b == '"') {
                text.append(new String(bytes, plain, at - plain, StandardCharsets.UTF_8));
                at++;
                String done = text.toString();
                return wellFormed(done) ? done : null;
            }
            if (b >= 0 && b < 0x20) {
                return null;
            }
            if (b != '\\') {
                at++;
                continue;
            }
            text.append(new String(bytes, plain, at - plain, StandardCharsets.UTF_8));
            if (at + 1 >= end) {
                return null;
            }
            byte kind = bytes[at + 1];
            at += 2;
            switch (kind) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (at + 4 > end) {
                        return null;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(bytes[at + i], 16);
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    text.append((char) code);
                    at += 4;
                }
                default -> {
                    return null;
                }
            }
            plain = at;
        }
        return null;
    }

    /** No byte sequence that is not UTF-8 (which decoding turned into U+FFFD, where Jackson refuses): Jackson decides. */
    private static boolean wellFormed(String text) {
        return text.indexOf('\uFFFD') < 0;
    }

    private boolean word(String word) {
        int length = word.length();
        if (at + length > end) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += length;
        return true;
    }

    /**
     * A number as JSON writes it: an integer is a long (a big integer beyond), anything with a fraction or an
     * exponent a double, each read from its text as Jackson reads it.
     */
    private JsonNode number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        int integerDigits = at - digits;
        if (integerDigits == 0 || integerDigits > 1 && bytes[digits] == '0') {
            return null;
        }
        boolean floating = false;
        if (peek() == '.') {
            floating = true;
            at++;
            if (!digitsFollow()) {
                return null;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            floating = true;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digitsFollow()) {
                return null;
            }
        }
        if (at - start > LONGEST_NUMBER) {
            return null;
        }
        String text = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
        if (floating) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        if (integerDigits <= 18) {
            return NODES.numberNode(Long.parseLong(text));
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private boolean digitsFollow() {
        int from = at;
        while (at < end && bytes[at] >= '0' && bytes[at] <= '9') {
            at++;
        }
        return at > from;
    }
}
