package org.frontierregistry.tracker.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/contributing.md is the contractor's whole world: its template link, its template and its message table must be right. */
class ContributingGuideTest {
    private static final Path REPO = TempRegistry.realRepository();
    private static final Pattern NEW_FILE_LINK = Pattern.compile(
            "\\(https://github\\.com/[\\w.-]+/[\\w.-]+/new/main/models\\?filename=([\\w.-]+)&value=([^)\\s]+)\\)");

    @TempDir
    Path folder;

    @Test
    void theCreateNewFileLinkOpensExactlyTheCommentedTemplate() throws IOException {
        Matcher link = NEW_FILE_LINK.matcher(guide());
        assertTrue(link.find(), "docs/contributing.md has no GitHub 'create new file' link into models/");
        assertTrue(link.group(1).endsWith(".yaml"));
        String template = Files.readString(REPO.resolve("docs/model-template.yaml"));
        assertEquals(template, URLDecoder.decode(link.group(2), StandardCharsets.UTF_8),
                "regenerate the link's value= from docs/model-template.yaml (URL-encoded): "
                        + URLEncoder.encode(template, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void theBrowserTemplateIsWhatTrackerNewWritesWithNothingFilledIn() throws IOException {
        Run printed = TempRegistry.Run.of("new", "--print-template", "--repo", REPO.toString());

        assertEquals(ExitCodes.OK, printed.exitCode(), printed.all());
        assertEquals(printed.out(), Files.readString(REPO.resolve("docs/model-template.yaml")),
                "regenerate it: ./tracker new --print-template > docs/model-template.yaml (then the link in docs/contributing.md)");
    }

    @Test
    void theTemplateFailsOnlyAtItsTodoLinesAndPassesOnceThoseAreFilled() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        String template = Files.readString(REPO.resolve("docs/model-template.yaml"));
        assertTrue(template.startsWith("# yaml-language-server: $schema=../schema/model.schema.json\n"));
        Path file = registry.write("my-model", template);

        Run first = registry.run("validate", "--format", "json");
        assertEquals(ExitCodes.PROBLEMS, first.exitCode(), first.all());
        assertTrue(todoLines(template).containsAll(problemLines(first.out())), first.out());

        Files.writeString(file, template.replace("id: todo ", "id: my-model ")
                .replace("publication_date: TODO", "publication_date: 2024-07-23")
                .replace("domains: []", "domains: [Language]")
                .replace("sources: []", "sources: [{id: report, url: \"https://example.org/report\"}]"));
        Run second = registry.run("validate", "--format", "json");
        assertEquals(Set.of(lineOf(template, "name: TODO"), lineOf(template, "organizations: [TODO]")), problemLines(second.out()),
                second.out());
        assertTrue(second.out().contains("\"code\" : \"todo-left\""), second.out());

        Files.writeString(file, Files.readString(file).replace("name: TODO", "name: My Model")
                .replace("organizations: [TODO]", "organizations: [Example Lab]"));
        Run filled = registry.run("validate");
        assertEquals(ExitCodes.OK, filled.exitCode(), filled.all());
        assertTrue(filled.out().endsWith("\nOK: 1 file checked, no problems, 1 warning.\n"), filled.out()); // no estimate yet
    }

    @Test
    void everyProblemCodeTheToolCanReportIsExplainedInTheGuide() throws IOException {
        Set<String> codes = problemCodesInTheSource();
        assertTrue(codes.containsAll(Set.of("yaml-syntax", "id-mismatch", "schema-enum", "missing-schema-line", "todo-left",
                "derived-values", "no-estimate")), codes.toString());
        String guide = guide();
        List<String> missing = codes.stream().filter(code -> !guide.contains("| `" + code + "`") && !guide.contains(", `" + code + "`"))
                .toList();
        assertEquals(List.of(), missing, "add a row for each code to the table in docs/contributing.md ('Every check message and what to do')");
    }

    /** The code literal of every {@code new Problem(}, {@code Problem.warning(}, reader {@code failed(} and estimate
     *  {@code new Mismatch(} call, and every {@code String CODE = "…"} constant. */
    static Set<String> problemCodesInTheSource() throws IOException {
        Pattern call = Pattern.compile("(new Problem\\(|Problem\\.warning\\(|failed\\(|new Mismatch\\()([^;]*);", Pattern.DOTALL);
        Pattern constant = Pattern.compile("String CODE = \"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\";");
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("tool/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher named = constant.matcher(source);
                while (named.find()) {
                    codes.add(named.group(1));
                }
                Matcher m = call.matcher(source);
                while (m.find()) {
                    Matcher code = literal.matcher(m.group(2));
                    if (code.find()) {
                        codes.add(code.group(1));
                    }
                }
            }
        }
        return codes;
    }

    private static String guide() throws IOException {
        return Files.readString(REPO.resolve("docs/contributing.md"));
    }

    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(start)).findFirst().orElseThrow() + 1;
    }

    private static Set<Integer> todoLines(String text) {
        List<String> lines = text.lines().toList();
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("TODO")).map(i -> i + 1)
                .boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> problemLines(String json) throws IOException {
        Set<Integer> lines = new TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("problems").forEach(p -> lines.add(p.get("line").asInt()));
        return lines;
    }
}
