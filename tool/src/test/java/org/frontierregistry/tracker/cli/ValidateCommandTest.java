package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
    @TempDir
    Path folder;

    /** One bad file per problem class: the exit code, the place and the words a person sees. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field             | 16 | 1  | unknown field 'paramters'                     | Did you mean 'parameters'?
            bad-enum                  | 64 | 9  | 'bellow' is not an allowed value of status    | Did you mean 'below'?
            bad-method                | 38 | 15 | 'hardwear' is not an allowed value            | Did you mean 'hardware'?
            missing-required          | 3  | 1  | missing required field 'name'                 | Add it
            bad-date                  | 13 | 19 | '2025-3-1' is not a valid date                | YYYY-MM-DD
            future-date               | 13 | 19 | 2999-01-01 is in the future                   | YYYY-MM-DD
            negative-flop             | 26 | 31 | reported_flop                                 | floating-point operations
            bad-url                   | 68 | 23 | 'example.org/report' is not a valid uri       | http(s)
            unknown-source            | 28 | 17 | cites source 'reprot'                         | Did you mean 'report'?
            duplicate-key             | 65 | 1  | key 'status' appears twice                    | first at line 64
            id-mismatch               | 3  | 5  | id 'another-id' does not match the file name  | Set 'id: id-mismatch'
            wrong-inputs              | 26 | 15 | missing required field 'reported_flop'        | states
            verified-without-reviewer | 70 | 3  | missing required field 'by' in review         | schema
            tab-indent                | 3  | 1  | a tab is used for indentation                 | spaces
            yaml-anchor               | 3  | 11 | anchors and aliases                           | in full
            not-utf8                  | 2  | 10 | not valid UTF-8                               | UTF-8
            bad-character             | 2  | 11 | invisible or invalid character U+0007         | Delete it
            yaml-syntax               | 2  | 5  | found unexpected end of stream                | quotes
            not-a-mapping             | 1  | 1  | a record must be a mapping                    | id: <file name>
            multiple-documents        | 3  | 1  | more than one YAML document                   | one model per file
            empty-file                | 1  | 1  | the file is empty                             | tracker new
            file-too-large            | 1  | 1  | a record may be at most 262144 bytes          | link the source
            number-out-of-range       | 9  | 9  | '1e999' is not a usable number                | 3.8e25
            line-too-long             | 4  | 10001 | line 4 is longer than 10000 characters     | several lines
            """)
    void eachBadFileIsReportedAtItsLineAndColumnWithAHint(String name, int line, int column, String message, String hint) {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/invalid/" + name + ".yaml");

        Run run = registry.run("validate", registry.root().resolve("models/" + name + ".yaml").toString());

        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        String first = run.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("models/" + name + ".yaml:" + line + ":" + column + ": error: "), run.out());
        assertTrue(first.contains(message), run.out());
        assertTrue(run.out().contains("hint: ") && run.out().contains(hint), run.out());
        assertNoStackTrace(run);
    }

    @Test
    void validSamplesPassAndTheExitCodeIsZero() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/valid/minimal-record.yaml");
        registry.copyResource("records/valid/every-method.yaml");
        registry.copyResource("records/valid/reference-model.yaml");

        Run run = registry.run("validate");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.out().startsWith("models/minimal-record.yaml:8:14: warning: no estimate of training compute"), run.out());
        assertTrue(run.out().endsWith("\nOK: 3 files checked, no problems, 1 warning.\n"), run.out());
    }

    @Test
    void githubFormatPrintsWorkflowCommandsWithEscapedProperties() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/invalid/bad-enum.yaml");

        Run run = registry.run("validate", "--format", "github");

        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        String first = run.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("::error file=models/bad-enum.yaml,line=64,col=9,title=tracker validate%3A schema-enum::"), first);
        assertTrue(first.contains("'bellow' is not an allowed value of status. Did you mean 'below'?"), first);
    }

    @Test
    void jsonFormatParsesAndListsEveryProblem() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/invalid/unknown-source.yaml");
        registry.copyResource("records/valid/minimal-record.yaml");
        registry.copyResource("records/valid/reference-model.yaml");

        Run run = registry.run("validate", "--format", "json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(3, report.get("files_checked").asInt());
        assertFalse(report.get("ok").asBoolean());
        assertEquals(2, report.get("problems").size(), "both estimates cite the misspelt source");
        JsonNode problem = report.get("problems").get(0);
        assertEquals("models/unknown-source.yaml", problem.get("file").asText());
        assertEquals(28, problem.get("line").asInt());
        assertEquals("unknown-source", problem.get("code").asText());
    }

    @Test
    void everyFormatGivesTheSameSummaryLineAndShowsWarningsApartFromErrors() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/invalid/unknown-source.yaml");
        registry.copyResource("records/valid/minimal-record.yaml"); // no estimate: a warning
        registry.copyResource("records/valid/reference-model.yaml");
        String summary = "2 problems in 1 of 3 files checked, 1 warning.";

        Run text = registry.run("validate");
        Run github = registry.run("validate", "--format", "github");
        JsonNode json = new ObjectMapper().readTree(registry.run("validate", "--format", "json").out());
        Run markdown = registry.run("validate", "--format", "markdown");

        assertTrue(text.out().endsWith("\n" + summary + "\n"), text.out());
        assertTrue(text.out().contains("models/minimal-record.yaml:8:14: warning: no estimate of training compute"), text.out());
        assertTrue(github.out().endsWith("\n" + summary + "\n"), github.out());
        assertTrue(github.out().startsWith("::warning file=models/minimal-record.yaml,line=8,col=14,title=tracker validate%3A no-estimate::"),
                github.out());
        assertEquals(summary, json.get("summary").asText());
        assertEquals(2, json.get("problems").size());
        assertEquals("no-estimate", json.get("warnings").get(0).get("code").asText());
        assertTrue(markdown.out().startsWith("#### Checks\n\n" + summary + "\n\n"), markdown.out());
        assertTrue(markdown.out().contains("\n- **warning** `models/minimal-record.yaml` line 8: no estimate of training compute"), markdown.out());
        assertTrue(markdown.out().contains("\n- **error** `models/unknown-source.yaml` line 28: "), markdown.out());
        assertEquals(ExitCodes.PROBLEMS, markdown.exitCode());
    }

    @Test
    void anAliasSharedByTwoRecordsIsReportedInTheFileAskedAbout() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/valid/every-method.yaml");
        registry.write("copycat", """
                # yaml-language-server: $schema=../schema/model.schema.json
                id: copycat
                name: Copycat
                aliases: [Every-Method-1.0-Instruct]
                organizations: [Other Lab]
                publication_date: 2025-01-01
                domains: [Language]
                training_compute: {estimates: []}
                status: uncertain
                sources: [{id: a, url: "https://example.org/a"}]
                review: {verified: false}
                provenance: {created_by: contractor}
                """);

        Run run = registry.run("validate", registry.root().resolve("models/copycat.yaml").toString());

        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.out().startsWith("models/copycat.yaml:4:11: error: 'Every-Method-1.0-Instruct' is also a name of record 'every-method'"), run.out());
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatToRun() {
        TempRegistry registry = TempRegistry.in(folder);

        Run unknownOption = registry.run("validate", "--formt", "json");
        Run badFormat = registry.run("validate", "--format", "xml");
        Run missingPath = registry.run("validate", "models/nope.yaml");

        assertEquals(ExitCodes.USAGE, unknownOption.exitCode());
        assertTrue(unknownOption.err().contains("Unknown option: '--formt'"), unknownOption.err());
        assertTrue(unknownOption.err().contains("--format"), "suggests the right option: " + unknownOption.err());
        assertEquals(ExitCodes.USAGE, badFormat.exitCode());
        assertTrue(badFormat.err().contains("text, github, json"), badFormat.err());
        assertEquals(ExitCodes.USAGE, missingPath.exitCode());
        assertTrue(missingPath.err().contains("no such file or folder: models/nope.yaml"), missingPath.err());
        assertNoStackTrace(unknownOption);
        assertNoStackTrace(missingPath);
    }

    @Test
    void aFolderThatIsNotARegistryIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Run run = Run.of("validate", "--repo", empty.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: --repo "), run.err());
        assertNoStackTrace(run);
    }

    @Test
    void noBadInputEverProducesAStackTrace() {
        TempRegistry registry = TempRegistry.in(folder);
        for (String name : new String[] {"yaml-syntax", "not-utf8", "bad-character", "file-too-large", "empty-file",
                "not-a-mapping", "multiple-documents", "wrong-inputs", "yaml-anchor"}) {
            registry.copyResource("records/invalid/" + name + ".yaml");
        }
        Run run = registry.run("validate");
        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.out().contains("problems in 9 of 9 files checked"), run.out());
        assertNoStackTrace(run);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            validate | { not json
            query    | { "type": "object",
            stats    | [1, 2
            """)
    void aSchemaFileThatIsNotJsonIsNamedAtItsLineAndColumnWithWhatToDo(String command, String schema) throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/valid/reference-model.yaml");
        Files.writeString(registry.root().resolve("schema/model.schema.json"), schema + "\n");

        Run run = registry.run(command);

        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: " + registry.root().resolve("schema/model.schema.json") + ":"), run.err());
        assertTrue(run.err().contains(": the schema is not valid JSON ("), run.err());
        assertTrue(run.err().contains("'git diff schema/'"), run.err());
        assertFalse(run.err().contains("bug in the tool"), run.err());
    }

    @Test
    void theLineAndColumnAreWhereTheJsonBreaks() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/valid/reference-model.yaml");
        Files.writeString(registry.root().resolve("schema/model.schema.json"), "{\n  \"type\": \"object\"\n  \"required\": []\n}\n");

        Run run = registry.run("validate");

        assertTrue(run.err().startsWith("error: " + registry.root().resolve("schema/model.schema.json") + ":3:3: "), run.err()); // the quote that should have followed a comma
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            validate | required | "id"     | :8:15: | /required: string found, array expected
            build    | type     | "objekt" | :6:11: | /type: does not have a value in the enumeration
            query    | type     | 5        | :6:11: | /type: integer found, array expected
            """)
    void aSchemaThatBreaksTheRulesOfJsonSchemaIsNamedAtTheBrokenValueNotBlamedOnTheRecords(
            String command, String key, String value, String place, String reason) throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.copyResource("records/valid/reference-model.yaml");
        Path schema = registry.root().resolve("schema/model.schema.json");
        List<String> lines = new ArrayList<>(Files.readAllLines(schema));
        int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("  \"" + key + "\": ")).findFirst().orElseThrow());
        lines.set(line, "  \"" + key + "\": " + value + ",");
        Files.write(schema, lines);

        Run run = registry.run(command);

        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: " + schema + place + " the schema is JSON but breaks the rules of JSON Schema"), run.err());
        assertTrue(run.err().contains(reason), run.err());
        assertFalse(run.all().contains("reference-model.yaml"), "no record is blamed for the schema's mistake:\n" + run.all());
        assertNoStackTrace(run);
    }

    static void assertNoStackTrace(Run run) {
        assertFalse(run.all().contains("\tat ") || run.all().contains("Exception") || run.all().contains(".java:"),
                "no stack trace reaches the user:\n" + run.all());
    }
}
