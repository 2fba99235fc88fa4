package org.frontierregistry.tracker.propose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.frontierregistry.tracker.scrape.CandidateEstimates;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.Checks;
import org.frontierregistry.tracker.validate.SchemaValidator;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposing into a real repository made in a temp folder, with a bare remote to push to. */
class ProposeTest {
    static final Path SNAPSHOT = Path.of("src/test/resources/fixtures/lmarena/text_leaderboard_2025-08.csv").toAbsolutePath();
    static final PersonIdent PERSON = new PersonIdent("Rev Iewer", "reviewer@example.org");

    static final String GROK_3 = """
            # yaml-language-server: $schema=../schema/model.schema.json
            id: grok-3
            name: Grok 3
            # a person's comment, kept by any edit
            organizations: [xAI]
            publication_date: 2025-02-17
            domains: [Language]
            benchmarks: {lmarena_text: 1400}
            training_compute:
              estimates:
                - method: reported
                  confidence: Likely
                  inputs: {reported_flop: 3.5e26}
                  reasoning: A figure for the test, standing in for the one Epoch AI reports.
                  sources: [xai-blog]
            status: uncertain
            sources:
              - {id: xai-blog, url: "https://x.ai/news/grok-3", title: Grok 3 Beta}
            review:
              verified: true
              by: maintainer
              date: 2025-06-01
            provenance: {created_by: maintainer}
            """;
    static final String QWEN = """
            # yaml-language-server: $schema=../schema/model.schema.json
            id: qwen3-235b-a22b
            name: Qwen3-235B-A22B
            organizations: [Alibaba]
            publication_date: 2025-04-29
            domains: [Language]
            training_compute:
              estimates: []
            status: uncertain
            sources:
              - {id: qwen-blog, url: "https://qwenlm.github.io/blog/qwen3/", title: Qwen3}
            review:
              verified: false
            provenance: {created_by: contractor}
            """;

    @TempDir
    Path temp;
    Path work;
    Path remote;
    TempRegistry registry;
    Git git;

    /** Grok 3 as `tracker estimate --write` leaves it: above the line, so Grok 4 is its flagship successor. */
    String grok3;

    @BeforeEach
    void repositories() throws Exception {
        work = temp.resolve("work");
        remote = temp.resolve("remote.git");
        registry = TempRegistry.in(work);
        CandidateEstimates.Result filled = new EngineEstimates().fill(GROK_3, List.of());
        assertNull(filled.failure(), filled.failure());
        grok3 = filled.text();
        registry.write("grok-3", grok3);
        registry.write("qwen3-235b-a22b", QWEN);
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", "origin", "url", remote.toUri().toString());
        config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
        config.save();
        commitAll("Initial registry");
        git.push().setRemote("origin").add("main").call();
    }

    private RevCommit commitAll(String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(PERSON).setCommitter(PERSON).call();
    }

    private TempRegistry.Run scrape(Path snapshot, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("scrape", "--source", "lmarena", "--snapshot", snapshot.toString(),
                "--propose"));
        args.addAll(List.of(more));
        if (!args.contains("--today")) {
            args.addAll(List.of("--today", "2026-05-20"));
        }
        return registry.run(args.toArray(String[]::new));
    }

    private ObjectId branch(Repository repo, String name) throws IOException {
        return repo.resolve("refs/heads/" + name);
    }

    private static String file(Repository repo, ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(commit).getTree())) {
            return tw == null ? null : new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    private JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(work.resolve("dist/proposals.json").toFile());
    }

    @Test
    void each_new_model_gets_one_bot_commit_on_its_own_branch_from_main_pushed_and_listed() throws Exception {
        TempRegistry.Run run = scrape(SNAPSHOT, "--push");
        assertEquals(0, run.exitCode(), run.all());
        Repository repo = git.getRepository();
        ObjectId main = repo.resolve("refs/heads/main");

        ObjectId grok4 = branch(repo, "bot/new/grok-4");
        assertNotNull(grok4, run.all());
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(grok4);
            assertEquals(main, commit.getParent(0), "one commit on top of main");
            assertEquals(Proposer.BOT.getEmailAddress(), commit.getAuthorIdent().getEmailAddress());
            String message = commit.getFullMessage();
            assertTrue(message.startsWith("bot(lmarena): propose Grok-4 as a new record\n\n"), message);
            String prose = message.replace('\n', ' ');
            assertTrue(prose.contains("The LMArena text leaderboard lists 'Grok-4-0709' (xAI) at rank 4 with an arena score"
                    + " of 1434 from 13058 votes."), message);
            assertTrue(prose.contains("Proposed because its estimate gives p_above"), message);
            // The arena score is enough for the committed imputation fit, so the bot needs no comparison with Grok 3,
            // and the imputation's p_above decides alone: succession only stands in for a compute nobody estimated.
            assertFalse(prose.contains("flagship successor"), message);
            assertTrue(prose.contains("Estimate: benchmark imputation from lmarena_text"), message);
            assertTrue(message.lines().allMatch(l -> l.length() <= 72), "wrapped for git log: " + message);
        }
        String record = file(repo, grok4, "models/grok-4.yaml");
        assertTrue(record.startsWith("# yaml-language-server: $schema=../schema/model.schema.json\n"), record);
        assertTrue(record.contains("\nname: Grok-4\naliases: [Grok-4-0709]\n"), record);
        assertTrue(record.contains("identifiers:\n  lmarena: [Grok-4-0709]\n"), record);
        assertTrue(record.contains("benchmarks: {lmarena_text: 1434}"), record);
        assertTrue(record.contains("    - method: benchmark\n      flop: "), record); // the engine writes flop right after method
        assertTrue(record.contains("      confidence: Speculative\n      inputs: {}\n"), record);
        // Arena 1434 seen in 2026 imputes 2.7e24 (p_above 0.264): still over the floor, so still proposed.
        assertTrue(record.contains("status: likely_below"), record);
        assertTrue(record.contains("provenance:\n  created_by: bot\n  scraped_from:\n    - {source: lmarena, key: Grok-4-0709, seen: 2026-05-20}\n"), record);
        assertEquals(List.of(), problems(record, "grok-4"), "the candidate validates among main's records");
        assertNull(file(repo, grok4, "models/grok-3.yaml").equals(grok3) ? null : "changed", "other files are main's");

        try (Git bare = Git.open(remote.toFile())) {
            assertEquals(grok4, bare.getRepository().resolve("refs/heads/bot/new/grok-4"), "pushed");
        }
        JsonNode entry = find(manifest(), "bot/new/grok-4");
        assertEquals("new", entry.get("kind").asText());
        assertEquals("created", entry.get("status").asText());
        assertTrue(entry.get("open_pull_request").asBoolean(), "the workflow reads this flag");
        assertTrue(entry.get("title").asText().startsWith("New model: Grok-4 (likely_below, p_above "), entry.get("title").asText());
        assertEquals("new", entry.get("source").asText());
        assertTrue(entry.get("body").asText().contains("| fact | value | source |\n|---|---|---|\n| name | `Grok-4-0709` | lmarena |\n"),
                entry.get("body").asText());
        assertTrue(entry.get("body").asText().contains("### Checklist for the reviewer"));
        assertTrue(entry.get("body").asText().contains("```yaml\n# yaml-language-server"));
        assertEquals("clean", Files.readString(work.resolve("models/grok-3.yaml")).equals(grok3) ? "clean" : "dirty",
                "the working tree is never touched");
    }

    @Test
    void running_twice_on_the_same_input_changes_nothing() throws Exception {
        assertEquals(0, scrape(SNAPSHOT, "--push").exitCode());
        Map<String, ObjectId> before = botBranches();
        byte[] manifestBefore = Files.readAllBytes(work.resolve("dist/proposals.json"));
        TempRegistry.Run second = scrape(SNAPSHOT, "--push");
        assertEquals(0, second.exitCode(), second.all());
        assertEquals(before, botBranches());
        assertTrue(second.out().contains("Branches: " + before.size() + " unchanged"), second.out());
        JsonNode manifest = manifest();
        manifest.get("proposals").forEach(p -> assertEquals("unchanged", p.get("status").asText()));
        assertEquals(new String(manifestBefore, StandardCharsets.UTF_8).replace("\"created\"", "\"unchanged\""),
                Files.readString(work.resolve("dist/proposals.json")));
    }

    @Test
    void newer_input_updates_the_existing_branch_instead_of_opening_another() throws Exception {
        assertEquals(0, scrape(SNAPSHOT, "--push").exitCode());
        ObjectId first = branch(git.getRepository(), "bot/new/grok-4");
        Path newer = temp.resolve("newer.csv");
        Files.writeString(newer, Files.readString(SNAPSHOT).replace("Grok-4-0709,1434,", "Grok-4-0709,1441,"));
        TempRegistry.Run run = scrape(newer, "--push", "--today", "2026-05-27");
        assertEquals(0, run.exitCode(), run.all());
        ObjectId second = branch(git.getRepository(), "bot/new/grok-4");
        assertNotEquals(first, second);
        String record = file(git.getRepository(), second, "models/grok-4.yaml");
        assertTrue(record.contains("lmarena_text: 1441"), record);
        assertTrue(record.contains("seen: 2026-05-20"), "the first-seen day is kept: " + record);
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            assertEquals(git.getRepository().resolve("refs/heads/main"), walk.parseCommit(second).getParent(0), "still one commit");
        }
        assertTrue(run.out().contains("updated: bot/new/grok-4 (pushed)"), run.out());
        assertEquals(1, botBranches().keySet().stream().filter(b -> b.contains("grok-4")).count());
    }

    @Test
    void a_model_recorded_on_main_even_as_rejected_is_never_proposed_again() throws Exception {
        registry.write("chocolate-early-grok-3", """
                # yaml-language-server: $schema=../schema/model.schema.json
                id: chocolate-early-grok-3
                name: chocolate (Early Grok-3)
                organizations: [xAI]
                publication_date: 2025-02-14
                domains: [Language]
                training_compute:
                  estimates: []
                status: rejected
                status_reasoning: An anonymous arena test name for an early Grok 3, not a distinct model.
                sources:
                  - {id: arena, url: "https://lmarena.ai/leaderboard/text", title: LMArena}
                review:
                  verified: true
                  by: maintainer
                  date: 2025-06-01
                provenance: {created_by: bot}
                """);
        commitAll("Record the rejected arena candidate");
        TempRegistry.Run run = scrape(SNAPSHOT);
        assertEquals(0, run.exitCode(), run.all());
        assertNull(branch(git.getRepository(), "bot/new/chocolate-early-grok-3"), run.out());
        assertNotNull(branch(git.getRepository(), "bot/new/grok-4"));
        assertFalse(run.out().contains("propose: chocolate"), run.out());
    }

    @Test
    void a_verified_record_only_ever_gets_aliases_while_an_unverified_one_gets_identifiers_and_scores() throws Exception {
        TempRegistry.Run run = scrape(SNAPSHOT);
        assertEquals(0, run.exitCode(), run.all());
        Repository repo = git.getRepository();
        String grok3 = file(repo, branch(repo, "bot/lmarena/grok-3"), "models/grok-3.yaml");
        List<String> before = this.grok3.lines().toList();
        List<String> after = grok3.lines().toList();
        assertEquals(before.size() + 1, after.size(), grok3);
        assertEquals(List.of("aliases: [Grok-3-Preview-02-24]"), after.stream().filter(l -> !before.contains(l)).toList(),
                "only an aliases line is added: " + grok3);
        assertTrue(grok3.contains("benchmarks: {lmarena_text: 1400}"), "the verified score is untouched");
        assertTrue(grok3.contains("# a person's comment, kept by any edit"));

        String qwen = file(repo, branch(repo, "bot/lmarena/qwen3-235b-a22b"), "models/qwen3-235b-a22b.yaml");
        assertTrue(qwen.contains("lmarena: [Qwen3-235B-A22B-Instruct-2507"), qwen);
        assertTrue(qwen.contains("lmarena_text: 1365"), "the exact-name entry's score: " + qwen);
        try (RevWalk walk = new RevWalk(repo)) {
            String qwenMessage = walk.parseCommit(branch(repo, "bot/lmarena/qwen3-235b-a22b")).getFullMessage();
            assertTrue(qwenMessage.replace('\n', ' ').contains("Matched loosely, check: Qwen3-235B-A22B-Instruct-2507,"
                    + " Qwen3-235B-A22B-Thinking-2507"), qwenMessage);
            assertTrue(walk.parseCommit(branch(repo, "bot/lmarena/grok-3")).getFullMessage()
                    .contains("The record is verified, so the bot only adds names to its aliases"));
        }
    }

    @Test
    void a_branch_a_person_committed_to_is_left_alone() throws Exception {
        assertEquals(0, scrape(SNAPSHOT).exitCode());
        Repository repo = git.getRepository();
        git.checkout().setName("bot/new/grok-4").call();
        Files.writeString(work.resolve("models/grok-4.yaml"), Files.readString(work.resolve("models/grok-4.yaml"))
                .replace("status: above", "status: above\n# reviewer: checking the date"));
        RevCommit personal = commitAll("Reviewer's note");
        git.checkout().setName("main").call();
        Path newer = temp.resolve("newer.csv");
        Files.writeString(newer, Files.readString(SNAPSHOT).replace("Grok-4-0709,1434,", "Grok-4-0709,1441,"));
        TempRegistry.Run run = scrape(newer);
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(personal.getId(), branch(repo, "bot/new/grok-4"));
        assertTrue(run.out().contains("left-alone: bot/new/grok-4 — a person (Rev Iewer) has committed"), run.out());
        JsonNode manifest = manifest();
        manifest.get("proposals").forEach(p -> assertNotEquals("bot/new/grok-4", p.get("branch").asText(),
                "the workflow must not be asked to open a pull request for it"));
        assertTrue(manifest.get("skipped").toString().contains("\"branch\":\"bot/new/grok-4\",\"source\":\"new\""),
                manifest.toString());
    }

    @Test
    void a_dry_run_writes_no_branch_and_no_manifest() throws Exception {
        TempRegistry.Run run = scrape(SNAPSHOT, "--dry-run");
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(botBranches().isEmpty());
        assertFalse(Files.exists(work.resolve("dist/proposals.json")));
        assertTrue(run.out().contains("would-create: bot/new/grok-4"), run.out());
    }

    private List<String> problems(String text, String id) throws Exception {
        Validator validator = new Validator(SchemaValidator.load(work.resolve("schema/model.schema.json")),
                Checks.standard(java.time.Clock.fixed(java.time.Instant.parse("2026-05-21T00:00:00Z"), java.time.ZoneOffset.UTC)));
        Map<Path, byte[]> files = new java.util.TreeMap<>();
        for (Path f : registry.layout().recordFiles()) {
            files.put(f, Files.readAllBytes(f));
        }
        files.put(work.resolve("models/" + id + ".yaml"), text.getBytes(StandardCharsets.UTF_8));
        ValidationReport report = validator.validateFiles(files);
        return report.problems().stream().map(p -> p.file().getFileName() + ":" + p.line() + " " + p.message()).toList();
    }

    private Map<String, ObjectId> botBranches() throws IOException {
        Map<String, ObjectId> out = new java.util.TreeMap<>();
        for (var ref : git.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/bot/")) {
            out.put(ref.getName(), ref.getObjectId());
        }
        return out;
    }

    private static JsonNode find(JsonNode manifest, String branch) {
        for (JsonNode p : manifest.get("proposals")) {
            if (p.get("branch").asText().equals(branch)) {
                return p;
            }
        }
        throw new AssertionError("no " + branch + " in " + manifest);
    }
}
