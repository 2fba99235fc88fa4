package org.frontierregistry.tracker.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.frontierregistry.tracker.github.WorkflowRunner.JobRun;
import org.frontierregistry.tracker.github.Workflows.Step;
import org.frontierregistry.tracker.discover.Discovery;
import org.frontierregistry.tracker.propose.Manifest;
import org.frontierregistry.tracker.propose.Proposal;
import org.frontierregistry.tracker.propose.ProposalOutcome;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.FolderCopy;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the exact commands of each workflow (read from the YAML, so this breaks when a workflow changes)
 * against a copy of the repository made into a fresh Git repository, with the tool built by this Maven
 * run. Skipped, and listed here with the reason: steps that use GitHub's actions (checkout, Java set-up,
 * artifacts, Pages), steps that call the GitHub CLI, the network scrape, and the job that runs this suite.
 */
class WorkflowCommandsIT {
    /** Steps only GitHub can run, by workflow: step name → why. The test checks each exists. */
    private static final Map<String, Map<String, String>> GITHUB_ONLY = Map.of(
            "pr-comment.yml", Map.of(
                    "Post or update the comment", "GitHub CLI: downloads an artifact and writes a comment",
                    "Download what the Validate run left", "GitHub CLI: downloads an artifact (the tests leave it where it would go)",
                    "Commit them to the pull request's branch", "GitHub CLI: commits through the GitHub API"),
            "scrape.yml", Map.of(
                    "Scrape the sources and push one branch per new candidate", "reads live sources on the internet and pushes to GitHub",
                    "Open one pull request per new branch", "GitHub CLI: lists and opens pull requests"),
            "publish.yml", Map.of("Create the release", "GitHub CLI: downloads artifacts and creates a release"));
    /** Whole jobs not run here. */
    private static final Map<String, String> JOBS_NOT_RUN = Map.of(
            "validate.yml > tests", "runs this test suite itself (npm ci, mvn verify)");

    @TempDir
    static Path root;

    private static Path checkout;
    private static Git git;
    private static RevCommit base;
    private static final Set<String> covered = new TreeSet<>();
    private static int testsRun;

    private Path runnerTemp;

    @BeforeAll
    static void copyTheRepositoryIntoAFreshGitRepository() throws Exception {
        Path real = TempRegistry.realRepository();
        checkout = root.resolve("checkout");
        FolderCopy.copy(real, checkout);
        Path jar = real.resolve("tool/target/tracker.jar");
        assertTrue(Files.isRegularFile(jar), "run through 'mvn verify': this test needs the packaged tool/target/tracker.jar");
        Path copiedJar = checkout.resolve("tool/target/tracker.jar");
        Files.createDirectories(copiedJar.getParent());
        Files.copy(jar, copiedJar, StandardCopyOption.REPLACE_EXISTING);
        // Newer than every copied source, so the launcher uses it instead of rebuilding.
        Files.setLastModifiedTime(copiedJar, FileTime.from(Instant.now().plusSeconds(600)));

        git = Git.init().setDirectory(checkout.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        base = git.commit().setMessage("base").setAuthor("Base", "base@example.org").setCommitter("Base", "base@example.org").call();
        RefUpdate origin = git.getRepository().updateRef("refs/remotes/origin/main");
        origin.setNewObjectId(base);
        origin.update();
    }

    @AfterAll
    static void everyRunStepIsRunByATestOrListedAsGitHubOnly() {
        long declared = java.util.Arrays.stream(WorkflowCommandsIT.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        try {
            if (testsRun < declared) {
                return; // a focused run (-Dit.test=…#one): coverage is judged only on the full run
            }
            List<String> missing = new ArrayList<>();
            for (Path file : Workflows.files()) {
                Workflows.Workflow w = Workflows.read(file);
                Map<String, String> githubOnly = GITHUB_ONLY.getOrDefault(w.fileName(), Map.of());
                Set<String> names = new TreeSet<>();
                for (String job : w.jobIds()) {
                    boolean jobNotRun = JOBS_NOT_RUN.containsKey(w.fileName() + " > " + job);
                    for (Step step : w.steps(job)) {
                        names.add(step.name());
                        if (step.run() != null && step.run().matches("(?s).*(^|[\\s(|;&])gh\\s.*")) {
                            assertTrue(githubOnly.containsKey(step.name()) || jobNotRun, step.where() + " calls gh but is not listed as GitHub-only");
                        }
                        if (step.run() != null && !jobNotRun && !githubOnly.containsKey(step.name()) && !covered.contains(step.where())) {
                            missing.add(step.where());
                        }
                    }
                }
                githubOnly.keySet().forEach(name -> assertTrue(names.contains(name), w.fileName() + " has no step '" + name + "' any more"));
            }
            assertEquals(List.of(), missing, "run steps no test ran");
        } finally {
            git.close();
        }
    }

    @BeforeEach
    void backToTheBaseCommit() throws Exception {
        testsRun++;
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
        git.clean().setCleanDirectories(true).call();
        for (String tag : git.getRepository().getRefDatabase().getRefsByPrefix("refs/tags/").stream().map(r -> r.getName()).toList()) {
            git.tagDelete().setTags(tag).call();
        }
        deleteTree(checkout.resolve("dist"));
        runnerTemp = Files.createTempDirectory(root, "runner-temp");
    }

    @Test
    void validateOnAGoodPullRequestPassesAndWritesTheCommentWithTheChange() throws Exception {
        String id = editAPublishedRecord();
        RevCommit pr = commit("pr: add notes to " + id);

        JobRun job = runner(pullRequestContext(pr)).run(steps("validate.yml", "records"));

        assertEquals(List.of("Build the tool", "Validate every record", "Build the published list",
                "Summarise the change to the published list"), job.ran());
        job.steps().stream().filter(WorkflowRunner.StepRun::ran).forEach(s -> assertEquals(0, s.exitCode(), s.step().name() + ":\n" + s.output()));
        assertEquals("OK: " + recordCount() + " files checked, no problems.\n", job.step("Validate every record").output());
        String comment = Files.readString(runnerTemp.resolve("list-change/comment.md"));
        assertTrue(comment.startsWith("<!-- tracker:list-change -->\n### Effect on the published list (models above 1e25 FLOP)\n"), comment);
        assertTrue(comment.contains("Compared `origin/main` (" + base.name().substring(0, 7) + ") with `HEAD` (" + pr.name().substring(0, 7) + ")."), comment);
        assertTrue(comment.contains("#### Edited records (1)\n"), comment);
        assertTrue(comment.contains("(`" + id + "`) | yes | `notes` |"), comment);
        assertTrue(comment.contains("<sub>Updated for " + pr.name().substring(0, 7) + " by the Validate workflow"), comment);
        assertTrue(!comment.contains("Derived values"), "records already consistent: nothing to paste\n" + comment);
        assertTrue(comment.contains("\n#### Checks\n\nOK: " + recordCount() + " files checked, no problems.\n"), comment);
        assertTrue(!Files.exists(runnerTemp.resolve("list-change/derived")), "nothing for the comment workflow to commit");
        assertEquals("7\n", Files.readString(runnerTemp.resolve("list-change/pr-number")));
        assertEquals(comment, job.summary());
        assertTrue(Files.isRegularFile(checkout.resolve("dist/above_1e25_flop.csv")));
        cover("validate.yml", "records", job);
    }

    @Test
    void validateOnAForkWithoutDerivedValuesShowsTheLinesToPasteInTheComment() throws Exception {
        Files.copy(Path.of("src/test/resources/workflow/llama-2-70b.yaml"), checkout.resolve("models/llama-2-70b.yaml"));
        RevCommit pr = commit("pr: add Llama 2 70B from the browser template");

        JobRun job = runner(pullRequestContext(pr, "contractor/registry")).run(steps("validate.yml", "records"));

        WorkflowRunner.StepRun validate = job.step("Validate every record");
        assertEquals(1, validate.exitCode(), validate.output());
        assertTrue(validate.output().startsWith("::error file=models/llama-2-70b.yaml,line=25,col=3,title=tracker validate%3A derived-values::"
                + "derived values not filled in yet (8): run `./tracker estimate --write llama-2-70b`. "), validate.output());
        assertEquals(2, validate.output().lines().count(), "one problem, then the summary line:\n" + validate.output());
        String comment = Files.readString(runnerTemp.resolve("list-change/comment.md"));
        assertTrue(comment.contains("#### Added (1)\n"), comment);
        assertTrue(comment.contains("| Llama 2 70B (`llama-2-70b`) | `uncertain` | — | no | no |"), comment);
        assertTrue(comment.contains("\n#### Checks\n\n1 problem in 1 of " + recordCount() + " files checked.\n"), comment);
        assertTrue(comment.contains("<details><summary>Derived values to copy into your records"), comment);
        assertTrue(comment.contains("add the lines marked `+` (without the `+`)"), comment);
        assertTrue(comment.contains("\n+      flop: 8.4e23\n") && comment.contains("\n+status: below\n") && comment.contains("\n-status: uncertain\n"), comment);
        String whole = comment.substring(comment.indexOf("Or replace the whole text of <code>models/llama-2-70b.yaml</code>"));
        String pasted = whole.substring(whole.indexOf("````yaml\n") + "````yaml\n".length(), whole.indexOf("````\n</details>"));
        assertTrue(pasted.startsWith("# yaml-language-server: $schema=../schema/model.schema.json\n") && pasted.contains("\nstatus: below\n"), pasted);
        assertEquals(List.of(), git.status().call().getModified().stream().toList(), "the workflow puts the records back");
        // What the contractor pastes is the whole record, valid with its derived values.
        Files.writeString(checkout.resolve("models/llama-2-70b.yaml"), pasted);
        TempRegistry.Run after = TempRegistry.Run.of("validate", "--repo", checkout.toString());
        assertEquals("OK: " + recordCount() + " files checked, no problems.\n", after.out(), after.all());
    }

    @Test
    void aSameRepositoryBranchWhoseOnlyProblemIsDerivedValuesGetsThemAsACommit() throws Exception {
        Files.copy(Path.of("src/test/resources/workflow/llama-2-70b.yaml"), checkout.resolve("models/llama-2-70b.yaml"));
        RevCommit pr = commit("pr: add Llama 2 70B");

        runner(pullRequestContext(pr, "example/registry")).run(steps("validate.yml", "records"));
        String comment = Files.readString(runnerTemp.resolve("list-change/comment.md"));
        // What the comment workflow then does with the artifact (the download is GitHub's; the folder is where it puts it).
        JobRun commitJob = runner(workflowRunContext("contractor/llama-2-70b")).run(steps("pr-comment.yml", "derived-values"));

        assertTrue(comment.contains("commits them\nto this branch for you"), comment);
        assertTrue(!comment.contains("Derived values to copy") && !comment.contains("Or replace the whole text"), comment);
        assertEquals(List.of("List the record files to commit"), commitJob.ran());
        WorkflowRunner.StepRun list = commitJob.step("List the record files to commit");
        assertEquals(0, list.exitCode(), list.output());
        assertEquals("true", list.outputs().get("commit"));
        assertEquals("models/llama-2-70b.yaml\n", list.output());
        JsonNode tree = new ObjectMapper().readTree(runnerTemp.resolve("tree.json").toFile()).get("tree");
        assertEquals(1, tree.size());
        assertEquals("100644", tree.get(0).get("mode").asText());
        // The committed text is the record with its derived values: the tool finds it clean.
        Files.writeString(checkout.resolve("models/llama-2-70b.yaml"), tree.get(0).get("content").asText());
        TempRegistry.Run after = TempRegistry.Run.of("validate", "--repo", checkout.toString());
        assertEquals("OK: " + recordCount() + " files checked, no problems.\n", after.out(), after.all());
        cover("pr-comment.yml", "derived-values", commitJob);
    }

    @Test
    void theCommitJobTakesOnlyRecordFilesAndNeverCommitsToTheDefaultBranch() throws Exception {
        Path derived = runnerTemp.resolve("list-change/derived");
        Files.createDirectories(derived.resolve("models"));
        Files.writeString(derived.resolve("models/fine.yaml"), "id: fine\n");

        JobRun toMain = runner(workflowRunContext("main")).run(steps("pr-comment.yml", "derived-values"));
        Files.createDirectories(derived.resolve(".github/workflows"));
        Files.writeString(derived.resolve(".github/workflows/evil.yml"), "on: push\n");
        JobRun smuggled = runner(workflowRunContext("contractor/fine")).run(steps("pr-comment.yml", "derived-values"));
        deleteTree(derived);
        JobRun nothing = runner(workflowRunContext("contractor/fine")).run(steps("pr-comment.yml", "derived-values"));

        assertEquals("false", toMain.step("List the record files to commit").outputs().get("commit"));
        WorkflowRunner.StepRun refused = smuggled.step("List the record files to commit");
        assertTrue(refused.exitCode() != 0 && refused.output().contains("unexpected .github beside models/"), refused.output());
        assertEquals(null, refused.outputs().get("commit"));
        assertEquals("false", nothing.step("List the record files to commit").outputs().get("commit"));
    }

    @Test
    void validateOnAPullRequestWithAMistakeAnnotatesTheLineAndStillSummarises() throws Exception {
        Path record = aPublishedRecord();
        List<String> lines = Files.readAllLines(record);
        int statusLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("status: ")).findFirst().orElseThrow()) + 1;
        lines.set(statusLine - 1, "status: abov");
        Files.write(record, lines);
        RevCommit pr = commit("pr: a typo");
        String file = "models/" + record.getFileName();

        JobRun job = runner(pullRequestContext(pr)).run(steps("validate.yml", "records"));

        WorkflowRunner.StepRun validate = job.step("Validate every record");
        assertEquals(1, validate.exitCode(), validate.output());
        assertTrue(validate.output().startsWith("::error file=" + file + ",line=" + statusLine + ",col=9,title=tracker validate%3A schema-enum::"
                + "'abov' is not an allowed value of status"), validate.output());
        assertEquals(List.of("Build the tool", "Validate every record", "Summarise the change to the published list"), job.ran());
        String comment = Files.readString(runnerTemp.resolve("list-change/comment.md"));
        assertTrue(comment.contains("these files could not be read and are left out above; `tracker validate` says why: `" + file + "`"), comment);
    }

    @Test
    void publishReleasesWhenThePublishedListChangedSinceTheLastRelease() throws Exception {
        git.tag().setName("list-2020-01-01").setObjectId(base).setAnnotated(false).call();
        String id = editAPublishedRecord();
        commit("edit " + id);

        JobRun job = runner(publishContext()).run(steps("publish.yml", "build"));

        assertEquals(List.of("Build the tool", "Build the published list", "Decide whether the list changed since the last release"), job.ran());
        job.steps().stream().filter(WorkflowRunner.StepRun::ran).forEach(s -> assertEquals(0, s.exitCode(), s.step().name() + ":\n" + s.output()));
        Map<String, String> outputs = job.step("Decide whether the list changed since the last release").outputs();
        assertEquals("true", outputs.get("changed"));
        assertEquals("list-" + LocalDate.now(ZoneOffset.UTC), outputs.get("tag"));
        String notes = Files.readString(runnerTemp.resolve("release-notes/notes.md"));
        assertTrue(notes.contains("Compared `list-2020-01-01`") && notes.contains("(`" + id + "`) | yes | `notes` |"), notes);
        assertTrue(Files.isRegularFile(checkout.resolve("dist/above_1e25_flop.csv")));
        assertTrue(Files.readString(checkout.resolve("dist/index.html")).contains("https://github.com/example/registry"));
        cover("publish.yml", "build", job);
    }

    @Test
    void publishDoesNotReleaseWhenNothingChangedAndTakesANewTagOnTheSameDay() throws Exception {
        git.tag().setName("list-" + LocalDate.now(ZoneOffset.UTC)).setObjectId(base).setAnnotated(false).call();

        JobRun job = runner(publishContext()).run(steps("publish.yml", "build"));

        Map<String, String> outputs = job.step("Decide whether the list changed since the last release").outputs();
        assertEquals("false", outputs.get("changed"), job.step("Decide whether the list changed since the last release").output());
        assertEquals("list-" + LocalDate.now(ZoneOffset.UTC) + "-" + base.name().substring(0, 7), outputs.get("tag"));
    }

    @Test
    void scrapeListsTheBranchesOfTheManifestThatNeedAPullRequest() throws Exception {
        // The scrape itself reads the internet, so the test writes the manifest it would leave, with the
        // proposer's own writer: one branch that needs a pull request, one that does not.
        Files.createDirectories(checkout.resolve("dist"));
        Proposal wanted = new Proposal("epoch", "new-model", "new", "models/new-model.yaml", "id: new-model\n",
                "Add New Model\t(from Epoch AI)", "New candidate.\n\n| a | b |", "Add new-model");
        Proposal notWanted = new Proposal("lmarena", "skipped", "update", "models/skipped.yaml", "id: skipped\n",
                "Not this one", "-", "Update skipped");
        Files.writeString(checkout.resolve("dist/proposals.json"), Manifest.render(List.of(
                new ProposalOutcome(wanted, "created", "0123456789abcdef0123456789abcdef01234567", true, ""),
                new ProposalOutcome(notWanted, "skipped", null, false, "verified record")), Discovery.Result.NONE));

        JobRun job = runner(Map.of()).run(steps("scrape.yml", "scrape"));

        assertEquals(List.of("Build the tool", "List the branches that need a pull request"), job.ran());
        job.steps().stream().filter(WorkflowRunner.StepRun::ran).forEach(s -> assertEquals(0, s.exitCode(), s.step().name() + ":\n" + s.output()));
        assertTrue(job.step("Build the tool").output().startsWith("tracker "), job.step("Build the tool").output());
        assertEquals("0\tbot/epoch/new-model\tAdd New Model (from Epoch AI)\n", Files.readString(runnerTemp.resolve("proposals.tsv")));
        assertEquals("New candidate.\n\n| a | b |", Files.readString(runnerTemp.resolve("proposal-0.md")));
        // The skipped network step's command line is the tool's: every option it passes exists.
        String scrape = job.step("Scrape the sources and push one branch per new candidate").step().run();
        assertTrue(scrape.contains("./tracker scrape --source \"$SOURCE\" --propose --push\n"), scrape);
        TempRegistry.Run help = TempRegistry.Run.of("scrape", "--help");
        assertTrue(help.out().contains("--propose") && help.out().contains("--push") && help.out().contains("--source"), help.all());
        cover("scrape.yml", "scrape", job);
    }

    @Test
    void scrapeWithoutAManifestHasNoPullRequestToOpen() throws Exception {
        JobRun job = runner(Map.of()).run(steps("scrape.yml", "scrape"));

        assertEquals(0, job.step("List the branches that need a pull request").exitCode());
        assertEquals("", Files.readString(runnerTemp.resolve("proposals.tsv")));
    }

    private WorkflowRunner runner(Map<String, String> context) {
        Set<String> skipped = new TreeSet<>();
        GITHUB_ONLY.values().forEach(m -> skipped.addAll(m.keySet()));
        return new WorkflowRunner(checkout, runnerTemp, context, skipped);
    }

    private static Map<String, String> publishContext() {
        return Map.of("inputs.release == true", "false", "github.server_url", "https://github.com",
                "github.repository", "example/registry");
    }

    private static Map<String, String> pullRequestContext(RevCommit head) {
        return pullRequestContext(head, "contractor/registry");
    }

    /** @param headRepository where the pull request's branch lives: this repository (example/registry) or a fork */
    private static Map<String, String> pullRequestContext(RevCommit head, String headRepository) {
        Map<String, String> context = new HashMap<>();
        context.put("github.base_ref", "main");
        context.put("github.event.pull_request.number", "7");
        context.put("github.event.pull_request.head.sha", head.name());
        context.put("github.event.pull_request.head.repo.full_name", headRepository);
        context.put("github.repository", "example/registry");
        return context;
    }

    private static Map<String, String> workflowRunContext(String headBranch) {
        return Map.of("github.event.workflow_run.head_branch", headBranch, "github.event.repository.default_branch", "main");
    }

    private static long recordCount() {
        return new RegistryLayout(checkout).recordFiles().size();
    }

    private static List<Step> steps(String workflow, String job) {
        return Workflows.read(workflow).steps(job);
    }

    private static void cover(String workflow, String job, JobRun run) {
        run.steps().stream().filter(WorkflowRunner.StepRun::ran).forEach(s -> covered.add(s.step().where()));
    }

    private static RevCommit commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("Contractor", "c@example.org").setCommitter("Contractor", "c@example.org").call();
    }

    /** A record on the published list (status above or likely_above) that has no notes yet. */
    private static Path aPublishedRecord() throws IOException {
        for (Path file : new RegistryLayout(checkout).recordFiles()) {
            String text = Files.readString(file);
            if (text.matches("(?s).*\\nstatus: (above|likely_above)\\n.*") && !text.contains("\nnotes:")) {
                return file;
            }
        }
        throw new AssertionError("no published record without notes in models/");
    }

    private static String editAPublishedRecord() throws IOException {
        Path file = aPublishedRecord();
        String text = Files.readString(file);
        Files.writeString(file, text + (text.endsWith("\n") ? "" : "\n") + "notes: Edited by the workflow test.\n");
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
