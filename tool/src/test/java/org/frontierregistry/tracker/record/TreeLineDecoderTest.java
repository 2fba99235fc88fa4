package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Seed;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The decoder of the cache's tree lines gives exactly what Jackson's parser gives, or leaves the line to it. */
class TreeLineDecoderTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Example
    void everyRecordOfTheRepositoryAndTheTestsDecodesAsJacksonReadsIt() throws IOException {
        List<Seed> lines = recordLines();
        assertTrue(lines.size() > 50, "records found: " + lines.size());
        for (Seed line : lines) {
            JsonNode decoded = decode(line.bytes());

            assertNotNull(decoded, line.name() + " was left to Jackson");
            assertSame(jackson(line.bytes()), decoded, line.name());
        }
    }

    @Example
    void escapesAndNumbersOfEveryKindDecodeAsJacksonReadsThem() {
        String[] lines = {
                "{}", "{\"a\":[]}", "{\"a\":{}}", "{\"a\":[[],{},[{}]]}",
                "{\"q\":\"say \\\"hi\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\\ud83d\\ude00 end\"}",
                "{\"raw\":\"café — 日本 😀\"}",
                "{\"n\":[0,-0,7,-12,2147483648,9223372036854775807,-9223372036854775808,9223372036854775808,"
                        + "123456789012345678901234567890]}",
                "{\"d\":[0.0,-0.0,1.5,-2.25e-3,4.3E24,1e25,1E+300,5e-324,1.7976931348623157E308,0.1]}",
                "{\"b\":[true,false,null]}",
                "{\"dup\":1,\"dup\":2}",
        };
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            JsonNode decoded = decode(bytes);

            assertNotNull(decoded, line);
            assertSame(jackson(bytes), decoded, line);
        }
    }

    @Example
    void whatJacksonWouldNotWriteIsLeftToIt() {
        String[] lines = {
                "", "[1]", "\"a\"", "{\"a\":1} ", " {\"a\":1}", "{\"a\": 1}", "{\"a\":1}{}", "{\"a\":01}", "{\"a\":1.}",
                "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":tru}", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"cut", "{\"a\":[1,]}", "{\"a\":1,}", "{a:1}",
                "{\"a\":\"\\ufffd\"}", "{\"a\":" + "9".repeat(1001) + "}", "{\"" + "k".repeat(50_001) + "\":1}",
                "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}",
        };
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertNull(decode(bytes), line);
        }
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertNull(decode(notUtf8), "a cut UTF-8 sequence");
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
        assertNull(decode(overlong), "an overlong UTF-8 sequence");
    }

    @Property
    void anyTreeJacksonWritesDecodesToTheSameNodes(@ForAll long seed) {
        JsonNode tree = randomObject(new Random(seed), 0);
        String json = RecordTrees.toJson(tree);
        if (json == null) {
            return; // a value JSON cannot carry (the generator makes none, but toJson is the judge)
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        JsonNode decoded = decode(bytes);

        if (decoded == null) {
            assertTrue(json.indexOf('\uFFFD') >= 0, "left to Jackson: " + json);
        } else {
            assertSame(jackson(bytes), decoded, json);
            assertEquals(tree, decoded, json);
        }
    }

    @Property
    void aDamagedLineDecodesAsJacksonReadsItOrIsLeftToIt(@ForAll("damagedLines") Mutant mutant) {
        byte[] bytes = mutant.bytes();
        JsonNode decoded = decode(bytes);
        if (decoded != null) {
            assertSame(jackson(bytes), decoded, mutant.toString());
        }
    }

    @Provide
    Arbitrary<Mutant> damagedLines() throws IOException {
        return Fuzz.mutantsOf(recordLines());
    }

    private static JsonNode decode(byte[] bytes) {
        return TreeLineDecoder.object(bytes, 0, bytes.length);
    }

    private static JsonNode jackson(byte[] bytes) {
        return RecordTrees.withJackson(bytes, 0, bytes.length);
    }

    /** Equal nodes of the same classes (a long is not an int, 0.0 is not -0.0), written alike. */
    private static void assertSame(JsonNode expected, JsonNode actual, String what) {
        assertNotNull(expected, "Jackson refuses what the decoder read: " + what);
        assertEquals(expected, actual, what);
        assertEquals(expected.toString(), actual.toString(), what);
        assertEquals(classes(expected), classes(actual), what);
    }

    private static String classes(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
        node.elements().forEachRemaining(child -> out.append('(').append(classes(child)).append(')'));
        return out.toString();
    }

    private static List<Seed> recordLines() throws IOException {
        RecordReader reader = new RecordReader();
        List<Path> files = new ArrayList<>(RegistryLayout.yamlFilesIn(TempRegistry.realRepository().resolve("models")));
        files.addAll(RegistryLayout.yamlFilesIn(Path.of("src/test/resources/records/valid")));
        List<Seed> lines = new ArrayList<>();
        for (Path file : files) {
            RecordReader.Result read = reader.read(file);
            String json = read.ok() ? RecordTrees.toJson(read.document().root()) : null;
            if (json != null) {
                lines.add(new Seed(file.getFileName().toString(), json.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < fields; i++) {
            object.set(randomText(random), randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 8 : 10);
        return switch (kind) {
            case 0, 1 -> NODES.textNode(randomText(random));
            case 2 -> NODES.numberNode(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2000) - 1000);
            case 3 -> { // beyond a long either way
                BigInteger big = BigInteger.ONE.shiftLeft(64 + random.nextInt(100)).add(new BigInteger(60, random));
                yield NODES.numberNode(random.nextBoolean() ? big : big.negate());
            }
            case 4 -> NODES.numberNode(randomDouble(random));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> NODES.numberNode(Math.scalb(random.nextDouble(), random.nextInt(200) - 100));
            case 8 -> randomObject(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static double randomDouble(Random random) {
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e25, 4.3e24, 0.1};
        return random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : Double.longBitsToDouble(random.nextLong());
    }

    /** Text of every kind a record may hold: ASCII, quotes and backslashes, control characters, any code point. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5F)));
                case 1 -> text.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> text.append((char) random.nextInt(0x20));
                case 3 -> text.appendCodePoint(0x80 + random.nextInt(0x800 - 0x80));
                case 4 -> text.appendCodePoint(0x800 + random.nextInt(0xD800 - 0x800));
                default -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
            }
        }
        return text.toString();
    }
}
