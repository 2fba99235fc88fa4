package org.frontierregistry.tracker.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.frontierregistry.tracker.concurrent.Background;
import org.frontierregistry.tracker.record.FileStamp;
import org.frontierregistry.tracker.record.Location;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.YamlDocument;

/**
 * Checks a record's tree against schema/model.schema.json (the single source of the rules) and turns
 * each violation into a {@link Problem} at the key or value it concerns, with a hint from the schema.
 */
public final class SchemaValidator {
    private final Path file;
    private final byte[] text;
    private volatile JsonNode schemaTree;
    private volatile JsonSchema schema;
    private final String digest;
    private final SchemaRulesMark rulesKept;
    private final java.util.concurrent.atomic.AtomicBoolean compiling = new java.util.concurrent.atomic.AtomicBoolean();

    private SchemaValidator(Path file, byte[] text, String digest, SchemaRulesMark rulesKept) {
        this.file = file;
        this.text = text;
        this.digest = digest;
        this.rulesKept = rulesKept;
    }

    /** The schema as a tree, read on first use (see {@link #schema()}). */
    private JsonNode tree() {
        JsonNode tree = schemaTree;
        if (tree == null) {
            synchronized (this) {
                if (schemaTree == null) {
                    try {
                        schemaTree = new ObjectMapper().readTree(text);
                    } catch (IOException e) {
                        JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
                        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
                        throw unreadable(at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr(),
                                "the schema is not valid JSON (" + reason + ")", e);
                    }
                }
                tree = schemaTree;
            }
        }
        return tree;
    }

    /**
     * Read and compiled on first use: a run whose records the validation cache already knows never needs
     * the schema, and setting up the schema library was a tenth of a small command's start-up.
     */
    private JsonSchema schema() {
        JsonSchema compiled = schema;
        if (compiled == null) {
            synchronized (this) {
                if (schema == null) {
                    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                            .pathType(PathType.JSON_POINTER)
                            .formatAssertionsEnabled(true)
                            .build();
                    JsonNode tree = tree();
                    if (!rulesKept.holds(digest)) {
                        checkRules(tree);
                        rulesKept.remember(digest);
                    }
                    try {
                        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree, config);
                    } catch (JsonSchemaException e) {
                        throw unreadable("", "the schema is JSON but not a usable JSON Schema (" + e.getMessage() + ")", e);
                    }
                }
                compiled = schema;
            }
        }
        return compiled;
    }

    /**
     * Checks the schema against JSON Schema's own rules (draft 2020-12, the library's copy), the way a record is
     * checked against the schema. The schema library compiles a schema that breaks them without a word, and then
     * ignores the broken rule ({@code "required": "id"} checks no field at all, so records missing fields pass) or
     * blames every record for it ({@code "type": "objekt"}).
     */
    private void checkRules(JsonNode tree) {
        List<ValidationMessage> broken = new ArrayList<>(JsonSchemaRules.SCHEMA.validate(tree));
        if (broken.isEmpty()) {
            return;
        }
        broken.sort(java.util.Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        List<String> said = new ArrayList<>();
        for (ValidationMessage message : broken.subList(0, Math.min(3, broken.size()))) {
            said.add(message.getMessage());
        }
        String more = broken.size() > 3 ? "; and " + (broken.size() - 3) + " more" : "";
        throw unreadable(place(pointer(broken.get(0).getInstanceLocation().toString())),
                "the schema is JSON but breaks the rules of JSON Schema (draft 2020-12): " + String.join("; ", said) + more, null);
    }

    /** Where the value at {@code pointer} starts in the schema file, as {@code :line:column}; "" when that cannot be told. */
    private String place(String pointer) {
        try {
            Location at = new RecordReader().known(file, text, tree()).document().valueLocation(pointer);
            return ":" + at.line() + ":" + at.column();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** JSON Schema's rules for a schema, compiled once per process: a schema of their own, made of nine files. */
    private static final class JsonSchemaRules {
        static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"),
                        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
    }

    /** @param place where in the file, as {@code :line:column}, or "" */
    private SchemaUnreadable unreadable(String place, String what, Exception cause) {
        return new SchemaUnreadable(file + place + ": " + what + ". No record can be checked until it is fixed: correct"
                + " the file there ('git diff schema/' shows what changed since the last commit).", cause);
    }

    /** The schema in {@code schemaFile}, checked against JSON Schema's rules whenever it is compiled. */
    public static SchemaValidator load(Path schemaFile) throws IOException {
        return load(schemaFile, SchemaRulesMark.none());
    }

    /** @param rulesKept where a schema text found to keep JSON Schema's rules is remembered, so it is checked once */
    public static SchemaValidator load(Path schemaFile, SchemaRulesMark rulesKept) throws IOException {
        return load(schemaFile, rulesKept, SchemaDigest.none());
    }

    /**
     * @param rulesKept where a schema text found to keep JSON Schema's rules is remembered, so it is checked once
     * @param digests   where the schema's digest is remembered by the file's stamp, so it is hashed once per edit
     */
    static SchemaValidator load(Path schemaFile, SchemaRulesMark rulesKept, SchemaDigest digests) throws IOException {
        FileStamp stamp = FileStamp.of(schemaFile); // before the read: an edit after it moves the stamp
        byte[] bytes = Files.readAllBytes(schemaFile);
        return new SchemaValidator(schemaFile, bytes, digests.of(schemaFile, stamp, bytes), rulesKept);
    }

    /**
     * Compiles the schema now, on a thread of its own, for a run that will check a record against it soon: the
     * record's check then finds it compiled, or waits for the compile already under way. A schema that cannot be
     * compiled is left for that check to report. Asked again, it starts nothing more.
     */
    public void compileInBackground() {
        if (!compiling.compareAndSet(false, true)) {
            return;
        }
        Background.start("tracker-schema", () -> {
            try {
                schema();
            } catch (RuntimeException e) {
                // reported by the check that needs the schema
            }
        });
    }

    /** Identifies the schema's exact text (for the validation cache). */
    public String digest() {
        return digest;
    }

    public List<Problem> validate(YamlDocument document) {
        Set<ValidationMessage> messages = schema().validate(document.root());
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ValidationMessage message : messages) {
            if (isNoise(message, messages)) {
                continue;
            }
            Problem problem = toProblem(document, message);
            if (seen.add(problem.location() + problem.message())) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** Combinators (oneOf/anyOf/if-then) restate what their branches already said more precisely. */
    private static boolean isNoise(ValidationMessage message, Set<ValidationMessage> all) {
        String type = message.getType();
        if (!"oneOf".equals(type) && !"anyOf".equals(type) && !"allOf".equals(type)) {
            return false;
        }
        return all.size() > 1;
    }

    private Problem toProblem(YamlDocument document, ValidationMessage message) {
        String pointer = pointer(message.getInstanceLocation().toString());
        String type = message.getType();
        String field = fieldName(pointer);
        JsonNode rule = schemaNodeAt(message.getSchemaLocation().getFragment().toString());
        switch (type) {
            case "additionalProperties": {
                String unknown = message.getProperty();
                String child = pointer + "/" + unknown;
                List<String> allowed = names(rule == null ? null : parentOf(message).get("properties"));
                return new Problem(document.file(), document.keyLocation(child), "schema-unknown-field",
                        "unknown field '" + unknown + "'" + (pointer.isEmpty() ? "" : " in " + field),
                        DidYouMean.phrase(unknown, allowed) + "Allowed here: " + String.join(", ", allowed) + ".");
            }
            case "required": {
                String missing = message.getProperty();
                return new Problem(document.file(), document.valueLocation(pointer), "schema-missing-field",
                        "missing required field '" + missing + "'" + (pointer.isEmpty() ? "" : " in " + field),
                        describe(parentOf(message).path("properties").path(missing), "Add it"));
            }
            case "enum": {
                List<String> allowed = new ArrayList<>();
                if (rule != null) {
                    rule.forEach(v -> allowed.add(v.asText()));
                }
                String typed = document.root().at(pointer).asText();
                return new Problem(document.file(), document.valueLocation(pointer), "schema-enum",
                        "'" + typed + "' is not an allowed value of " + field,
                        DidYouMean.phrase(typed, allowed) + "Allowed: " + String.join(" | ", allowed) + ".");
            }
            case "format": {
                String typed = document.root().at(pointer).asText();
                String format = rule == null ? "value" : rule.asText();
                return new Problem(document.file(), document.valueLocation(pointer), "schema-format",
                        field + ": '" + typed + "' is not a valid " + format,
                        describe(parentOf(message), "Write it as expected"));
            }
            case "minItems": {
                int least = rule == null ? 1 : rule.asInt();
                return new Problem(document.file(), document.valueLocation(pointer), "schema-minItems",
                        field + " needs at least " + least + (least == 1 ? " entry" : " entries"),
                        describe(parentOf(message), "Add one"));
            }
            case "const":
                return new Problem(document.file(), document.valueLocation(pointer), "schema-value",
                        field + " has a value that is not allowed here", "See the field's description in the schema.");
            default: {
                JsonNode property = parentOf(message);
                return new Problem(document.file(), document.valueLocation(pointer), "schema-" + type,
                        field + ": " + stripPath(message.getMessage()),
                        describe(property, "Fix the value"));
            }
        }
    }

    /** The schema node holding the keyword that failed (e.g. the property's schema for a 'pattern' failure). */
    private JsonNode parentOf(ValidationMessage message) {
        String fragment = message.getSchemaLocation().getFragment().toString();
        int slash = fragment.lastIndexOf('/');
        JsonNode parent = schemaNodeAt(slash <= 0 ? "" : fragment.substring(0, slash));
        return parent == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : parent;
    }

    private JsonNode schemaNodeAt(String fragment) {
        String pointer = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            pointer = "/" + pointer;
        }
        JsonNode node = tree().at(pointer);
        return node.isMissingNode() ? null : node;
    }

    private static String describe(JsonNode property, String verb) {
        if (property != null && property.has("description")) {
            return verb + ": " + property.get("description").asText();
        }
        if (property != null && property.has("$ref")) {
            return verb + " (see " + property.get("$ref").asText() + " in schema/model.schema.json).";
        }
        return verb + " (see schema/model.schema.json).";
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        if (properties != null) {
            Iterator<String> it = properties.fieldNames();
            it.forEachRemaining(names::add);
        }
        return names;
    }

    private static String pointer(String location) {
        if (location == null || location.equals("$") || location.equals("/")) {
            return "";
        }
        return location;
    }

    private static String fieldName(String pointer) {
        return pointer.isEmpty() ? "the record" : pointer.substring(1).replace('/', '.');
    }

    private static String stripPath(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }
}
