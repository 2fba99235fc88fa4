package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RecordTemplate;
import org.frontierregistry.tracker.record.YamlDocument;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    @TempDir
    Path folder;

    @Test
    void writesAKebabCaseFileThatParsesAndFailsValidationOnlyAtTheTodoLines() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);

        Run run = registry.run("new", "--name", "Llama 3.1 405B", "--org", "Meta AI");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        Path file = registry.root().resolve("models/llama-3-1-405b.yaml");
        assertTrue(run.out().startsWith("Wrote models/llama-3-1-405b.yaml.\n"
                + "Still to fill (marked TODO in the file): publication_date, domains, sources.\n"), run.out());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# yaml-language-server: $schema=../schema/model.schema.json\n"), text);
        YamlDocument document = parse(file);
        assertEquals("llama-3-1-405b", document.root().get("id").asText());
        assertEquals("Llama 3.1 405B", document.root().get("name").asText());
        assertEquals("[\"Meta AI\"]", document.root().get("organizations").toString());

        Run validate = registry.run("validate", "--format", "json");
        assertEquals(ExitCodes.PROBLEMS, validate.exitCode(), validate.all());
        assertEquals(todoLines(text), problemLines(validate.out()), validate.out());
        assertEquals(Set.of(10, 11, 33), todoLines(text));
    }

    @Test
    void withTheDateGivenAndTheTodosFilledTheRecordIsValid() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.run("new", "--name", "Foo: Bar #2", "--org", "Lab One", "--org", "Lab Two", "--date", "2024-02-29");
        Path file = registry.root().resolve("models/foo-bar-2.yaml");
        String text = Files.readString(file);
        assertEquals(Set.of(11, 33), todoLines(text));
        assertEquals("Foo: Bar #2", parse(file).root().get("name").asText());

        Files.writeString(file, text
                .replace("domains: []", "domains: [Language]")
                .replace("sources: []", "sources: [{id: report, url: \"https://example.org/r\"}]"), StandardCharsets.UTF_8);

        Run validate = registry.run("validate");
        assertEquals(ExitCodes.OK, validate.exitCode(), validate.all());
        assertTrue(validate.out().endsWith("\nOK: 1 file checked, no problems, 1 warning.\n"), validate.out()); // no estimate yet
        assertEquals("2024-02-29", parse(file).root().get("publication_date").asText());
        assertEquals("[\"Lab One\",\"Lab Two\"]", parse(file).root().get("organizations").toString());
    }

    @Test
    void refusesToOverwriteAndLeavesTheFileAsItWas() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        Path file = registry.write("gpt-4", "# someone's careful work\n");

        Run run = registry.run("new", "--name", "GPT-4", "--org", "OpenAI");

        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertEquals("error: models/gpt-4.yaml already exists and was left as it is; edit it, or choose another id with --id\n",
                run.err());
        assertEquals("# someone's careful work\n", Files.readString(file));
    }

    @Test
    void badIdsAndDatesAreUsageErrorsThatSayWhatToWrite() {
        TempRegistry registry = TempRegistry.in(folder);

        Run badId = registry.run("new", "--name", "X", "--org", "Y", "--id", "Not_Kebab");
        Run badDate = registry.run("new", "--name", "X", "--org", "Y", "--date", "1/2/2024");
        Run noId = registry.run("new", "--name", "???", "--org", "Y");

        assertEquals(ExitCodes.USAGE, badId.exitCode());
        assertTrue(badId.err().contains("--id 'Not_Kebab' is not lowercase kebab-case") && badId.err().contains("e.g. not-kebab"), badId.err());
        assertEquals(ExitCodes.USAGE, badDate.exitCode());
        assertTrue(badDate.err().contains("write it as YYYY-MM-DD"), badDate.err());
        assertEquals(ExitCodes.USAGE, noId.exitCode());
        assertTrue(noId.err().contains("give one with --id"), noId.err());
        assertEquals(List.of(), registry.layout().recordFiles());
    }

    @Test
    void idsAreDerivedAsLowercaseKebabCase() {
        assertEquals("llama-3-1-405b", RecordTemplate.idFor("Llama 3.1 405B"));
        assertEquals("gemini-1-0-ultra", RecordTemplate.idFor("Gemini 1.0 Ultra"));
        assertEquals("deepseek-v3", RecordTemplate.idFor("  DeepSeek–V3 "));
        assertEquals("ernie-4-5-tiangong", RecordTemplate.idFor("ERNIE 4.5 (Tiāngōng)"));
    }

    private static YamlDocument parse(Path file) {
        RecordReader.Result result = new RecordReader().read(file);
        assertTrue(result.ok(), result.problems().toString());
        return result.document();
    }

    /** Lines (1-based) whose value still carries a "# TODO:" comment. */
    private static Set<Integer> todoLines(String text) {
        List<String> lines = text.lines().toList();
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("# TODO:")).map(i -> i + 1)
                .boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> problemLines(String json) throws Exception {
        Set<Integer> lines = new TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("problems").forEach(p -> lines.add(p.get("line").asInt()));
        return lines;
    }
}
