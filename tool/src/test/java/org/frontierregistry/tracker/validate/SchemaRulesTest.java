package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.record.YamlDocument;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema is itself checked against JSON Schema's rules before any record is checked against it, once per schema
 * text: a schema that breaks them would otherwise be used as it is, a broken rule silently checking nothing.
 */
class SchemaRulesTest {
    @TempDir
    Path folder;

    private Path schemaFile;
    private Path cacheFile;
    /** A valid record without its name: what {@code "required": "id"} lets through. */
    private YamlDocument recordWithoutName;

    @BeforeEach
    void copySchemaAndRecord() throws IOException {
        schemaFile = Files.copy(TempRegistry.realRepository().resolve(RegistryLayout.SCHEMA), folder.resolve("model.schema.json"));
        cacheFile = folder.resolve("cache/validation/registry.cache");
        RecordReader.Result read = new RecordReader().read(Path.of("src/test/resources/records/valid/reference-model.yaml"));
        ObjectNode tree = read.document().root().deepCopy();
        tree.remove("name");
        YamlDocument valid = read.document();
        recordWithoutName = new YamlDocument(valid.file(), valid.text(), tree, valid.valueLocations(), valid.keyLocations());
    }

    private void requireOnlyTheId() throws IOException {
        Files.writeString(schemaFile, Files.readString(schemaFile).replaceFirst("\n  \"required\": \\[[^]]*]", "\n  \"required\": \"id\""));
    }

    @Test
    void aSchemaThatBreaksTheRulesIsNamedAtTheBrokenValueBeforeAnyRecordIsChecked() throws IOException {
        requireOnlyTheId();
        SchemaValidator schema = SchemaValidator.load(schemaFile);

        SchemaUnreadable error = assertThrows(SchemaUnreadable.class, () -> schema.validate(recordWithoutName));

        assertTrue(error.getMessage().startsWith(schemaFile + ":8:15: the schema is JSON but breaks the rules of JSON Schema"
                + " (draft 2020-12): /required: string found, array expected."), error.getMessage());
    }

    @Test
    void theRepositorysSchemaKeepsTheRulesAndIsRememberedAsKeepingThem() throws IOException {
        SchemaRulesMark mark = SchemaRulesMark.besideCache(cacheFile, "tool-1");
        SchemaValidator schema = SchemaValidator.load(schemaFile, mark);

        List<Problem> problems = schema.validate(recordWithoutName);

        assertEquals("schema-missing-field", problems.get(0).code(), problems.toString());
        assertTrue(mark.holds(schema.digest()));
        assertTrue(Files.isRegularFile(folder.resolve("cache/validation/registry.schema-rules")), "kept beside the cache");
        assertFalse(SchemaRulesMark.besideCache(cacheFile, "tool-2").holds(schema.digest()), "another build of the tool checks again");
        assertFalse(mark.holds(ValidationCache.digest("{}".getBytes())), "another schema text is checked again");
        assertFalse(SchemaRulesMark.none().holds(schema.digest()), "without a cache folder, every compile checks");
    }

    @Test
    void aSchemaTextRememberedAsKeepingTheRulesIsNotCheckedAgain() throws IOException {
        requireOnlyTheId();
        SchemaRulesMark mark = SchemaRulesMark.besideCache(cacheFile, "tool-1");
        mark.remember(SchemaValidator.load(schemaFile).digest()); // as if an earlier run had found it keeping them

        List<Problem> problems = SchemaValidator.load(schemaFile, mark).validate(recordWithoutName);

        assertEquals(List.of(), problems, "the rules check is all that stands between this schema and a record without a name");
    }

    @Test
    void aDamagedMarkIsCheckedAgainAndRewritten() throws IOException {
        SchemaRulesMark mark = SchemaRulesMark.besideCache(cacheFile, "tool-1");
        SchemaValidator schema = SchemaValidator.load(schemaFile, mark);
        Path markFile = folder.resolve("cache/validation/registry.schema-rules");
        Files.createDirectories(markFile.getParent());
        Files.writeString(markFile, "tracker-schema-rules-1 tool=tool-1 schema=" + schema.digest().substring(0, 10));
        Files.setLastModifiedTime(markFile, FileTime.fromMillis(0));

        schema.validate(recordWithoutName);

        assertTrue(mark.holds(schema.digest()));
        assertTrue(Files.getLastModifiedTime(markFile).toMillis() > 0, "written again after the check");
    }
}
