package org.frontierregistry.tracker.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One change to a real input, as a fuzzer makes it: where (a fraction of the length, so it fits any input)
 * and how much or which payload ({@code size}). Records, so jqwik can print and shrink them.
 */
public record Mutation(Kind kind, double at, int size) {
    public enum Kind {
        /** Cut the input short (a dropped connection, a full disk). */
        TRUNCATE,
        /** XOR a few bytes with random bits (bad memory, a bad copy). */
        FLIP_BYTES,
        /** Put a number no parser should trust where a number is: huge, tiny, long, not a number. */
        HUGE_NUMBER,
        /** Open thousands of brackets, lists, tags or quotes. */
        DEEP_NESTING,
        /** Insert a character that trips text handling: NUL, BOM, bidi override, line separator, bad UTF-8. */
        ODD_UNICODE,
        /** Remove a slice. */
        DELETE,
        /** Repeat a slice many times (a stuck writer, a server repeating itself). */
        REPEAT,
        /** Turn line ends into CRLF or lone CR. */
        LINE_ENDS,
        /** Swap two slices (a reordered stream). */
        SWAP
    }

    static final List<String> NUMBERS = List.of("1e999999999", "-1e-999999999", "NaN", "-Infinity", "0x7fffffffffffffff",
            "9".repeat(400), "1" + "0".repeat(5000), "1.7976931348623157e309", "-0", "1_000_000", "4.9e-325", "1e25.5e3",
            "٣٤٥", "１２３");

    static final List<byte[]> ODD = List.of(
            new byte[] {0}, bytes("\uFEFF"), bytes("\u202E"), bytes("\u2028"), bytes("\uFFFD"), bytes("\uFFFF"),
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a lone surrogate, as CESU-8
            new byte[] {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            new byte[] {(byte) 0xE2, (byte) 0x82}, // a cut three-byte sequence
            bytes("\uD83D\uDE00"), bytes("e\u0301".repeat(2000)), bytes("\u0000\u0001\u001B[31m"), bytes("\t"),
            bytes("\u00A0"), bytes("\u200B\u200D"), bytes("𝟏𝟎𝟐𝟓"));

    static final List<String> OPENERS = List.of("[", "{\"a\":", "- ", "  - ", "{a: ", "<div>", "<item><title>",
            "\"", "'", "&", "<![CDATA[", "<!--", "*", "!!map ", "? ");

    /** Applies the mutations in order to a copy of {@code input}. */
    public static byte[] apply(byte[] input, List<Mutation> mutations) {
        byte[] out = input;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    byte[] apply(byte[] in) {
        int position = (int) Math.min(in.length, Math.max(0, Math.floor(at * in.length)));
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(in, position);
            case FLIP_BYTES -> flip(in, position);
            case HUGE_NUMBER -> number(in, position);
            case DEEP_NESTING -> insert(in, position, bytes(OPENERS.get(size % OPENERS.size()).repeat(200 + size * 40)));
            case ODD_UNICODE -> insert(in, position, ODD.get(size % ODD.size()));
            case DELETE -> delete(in, position, 1 + size * 10);
            case REPEAT -> repeat(in, position, 1 + size % 200, 2 + size % 2000);
            case LINE_ENDS -> bytes(new String(in, StandardCharsets.ISO_8859_1).replace("\n", size % 2 == 0 ? "\r\n" : "\r"),
                    StandardCharsets.ISO_8859_1);
            case SWAP -> swap(in, position, 1 + size * 5);
        };
    }

    private byte[] flip(byte[] in, int position) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int flips = 1 + size % 8;
        for (int i = 0; i < flips; i++) {
            int p = (position + i * (size + 7) * 31) % out.length;
            out[p] ^= (byte) (1 + (size * 37 + i * 13) % 255);
        }
        return out;
    }

    /** Replaces the digit run at or after {@code position} (or inserts, when there is none) with a hostile number. */
    private byte[] number(byte[] in, int position) {
        int start = position;
        while (start < in.length && !Character.isDigit(in[start])) {
            start++;
        }
        int end = start;
        while (end < in.length && (Character.isDigit(in[end]) || in[end] == '.' || in[end] == 'e' || in[end] == '-')) {
            end++;
        }
        byte[] number = bytes(NUMBERS.get(size % NUMBERS.size()));
        if (start >= in.length) {
            return insert(in, position, number);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + number.length);
        out.write(in, 0, start);
        out.writeBytes(number);
        out.write(in, end, in.length - end);
        return out.toByteArray();
    }

    private static byte[] insert(byte[] in, int position, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, position);
        out.writeBytes(what);
        out.write(in, position, in.length - position);
        return out.toByteArray();
    }

    private static byte[] delete(byte[] in, int position, int length) {
        int end = Math.min(in.length, position + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, position);
        out.write(in, end, in.length - end);
        return out.toByteArray();
    }

    private static byte[] repeat(byte[] in, int position, int length, int times) {
        int end = Math.min(in.length, position + length);
        byte[] slice = Arrays.copyOfRange(in, position, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + slice.length * times);
        out.write(in, 0, end);
        for (int i = 0; i < times; i++) {
            out.writeBytes(slice);
        }
        out.write(in, end, in.length - end);
        return out.toByteArray();
    }

    private static byte[] swap(byte[] in, int position, int length) {
        int firstEnd = Math.min(in.length, position + length);
        int second = Math.min(in.length, firstEnd + length * 3);
        int secondEnd = Math.min(in.length, second + length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, position);
        out.write(in, second, secondEnd - second);
        out.write(in, firstEnd, second - firstEnd);
        out.write(in, position, firstEnd - position);
        out.write(in, secondEnd, in.length - secondEnd);
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s, java.nio.charset.Charset charset) {
        return s.getBytes(charset);
    }
}
