package org.frontierregistry.tracker.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.frontierregistry.tracker.scrape.CandidateEstimates;
import org.frontierregistry.tracker.scrape.EngineEstimates;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run offline: every source from its snapshot, joined, screened, proposed into a repository with a bare remote. */
class AllSourcesRunTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();
    static final PersonIdent PERSON = new PersonIdent("Rev Iewer", "reviewer@example.org");

    static String tracked(String id, String name, String organization, String date, String flop) {
        String text = "# yaml-language-server: $schema=../schema/model.schema.json\n"
                + "id: " + id + "\nname: " + name + "\norganizations: [" + organization + "]\npublication_date: " + date + "\n"
                + "domains: [Language]\ntraining_compute:\n  estimates:\n    - method: reported\n      confidence: Likely\n"
                + "      inputs: {reported_flop: " + flop + "}\n      reasoning: A figure for the test, standing in for a reported one.\n"
                + "      sources: [blog]\nstatus: uncertain\n"
                + "sources:\n  - {id: blog, url: \"https://example.org/" + id + "\", title: Announcement}\n"
                + "review:\n  verified: false\nprovenance: {created_by: contractor}\n";
        CandidateEstimates.Result filled = new EngineEstimates().fill(text, List.of());
        assertNull(filled.failure(), filled.failure());
        return filled.text();
    }

    @TempDir
    Path temp;

    private TempRegistry.Run scrape(TempRegistry registry) {
        List<String> args = new ArrayList<>(List.of("scrape", "--source", "all", "--propose", "--push", "--today", "2026-05-20",
                "--snapshot", "openrouter=" + FIXTURES.resolve("openrouter/models_2026-05.json"),
                "--snapshot", "lmarena=" + FIXTURES.resolve("lmarena/text_2026-03-31.json"),
                "--snapshot", "artificialanalysis=" + FIXTURES.resolve("artificialanalysis/llms_models_2026-03-25.json"),
                "--snapshot", "feeds=" + FIXTURES.resolve("feeds/xai_news_2026-05-22.xml"),
                "--snapshot", "feeds=" + FIXTURES.resolve("feeds/anthropic_news_2026-08-22.xml")));
        return registry.run(args.toArray(String[]::new));
    }

    @Test
    void all_sources_join_into_one_branch_per_model_and_a_second_run_changes_nothing() throws Exception {
        Path work = temp.resolve("work");
        Path remote = temp.resolve("remote.git");
        TempRegistry registry = TempRegistry.in(work);
        registry.write("grok-4", tracked("grok-4", "Grok 4", "xAI", "2025-07-09", "5e26"));
        registry.write("claude-opus-4", tracked("claude-opus-4", "Claude Opus 4", "Anthropic", "2025-05-22", "3.35e25"));
        Git.init().setBare(true).setDirectory(remote.toFile()).setInitialBranch("main").call().close();
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", remote.toUri().toString());
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.save();
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Initial registry").setAuthor(PERSON).setCommitter(PERSON).call();
            git.push().setRemote("origin").add("main").call();

            TempRegistry.Run first = scrape(registry);
            assertEquals(0, first.exitCode(), first.all());
            assertTrue(first.out().contains("artificialanalysis: reading the snapshot"), first.out());
            assertTrue(first.out().contains("feeds: reading the snapshot"), first.out());
            assertTrue(first.out().contains("huggingface") == false, "a source without a snapshot is not read offline");

            Map<String, ObjectId> branches = new TreeMap<>();
            for (var ref : git.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/bot/")) {
                branches.put(ref.getName().substring("refs/heads/".length()), ref.getObjectId());
            }
            assertTrue(branches.keySet().stream().allMatch(b -> b.startsWith("bot/new/") || b.startsWith("bot/openrouter/")
                    || b.startsWith("bot/lmarena/") || b.startsWith("bot/artificialanalysis/")), branches.toString());
            ObjectId opus47 = branches.get("bot/new/claude-opus-4-7");
            assertNotNull(opus47, "the flagship successor of a tracked above-line model: " + first.out());
            assertEquals(1, branches.keySet().stream().filter(b -> b.contains("opus-4-7")).count(), "one branch, not one per source");
            String record = file(git, opus47, "models/claude-opus-4-7.yaml");
            assertTrue(record.contains("{source: openrouter, key: anthropic/claude-opus-4.7"), record);
            assertTrue(record.contains("{source: feeds, key: \"Claude Opus 4.7 @2026-04-16\""), "the feed's lead joins: " + record);
            assertTrue(record.contains("publication_date: 2026-04-16"), "the announcement day, not the listing day: " + record);

            JsonNode manifest = new ObjectMapper().readTree(work.resolve("dist/proposals.json").toFile());
            JsonNode entry = null;
            for (JsonNode p : manifest.get("proposals")) {
                entry = p.get("branch").asText().equals("bot/new/claude-opus-4-7") ? p : entry;
            }
            assertNotNull(entry);
            String body = entry.get("body").asText();
            assertTrue(body.contains("| name | `anthropic/claude-opus-4.7` (Claude Opus 4.7) | openrouter |"), body);
            assertTrue(body.contains("| published | 2026-04-16 | feeds |"), body);
            assertTrue(manifest.get("reported").size() > 50, "what was passed over is listed with the reason");
            manifest.get("reported").forEach(r -> assertTrue(r.get("reason").asText().length() > 10, r.toString()));
            assertTrue(manifest.get("folded").toString().contains("\"name\":\"GPT-4o Search Preview\",\"source\":\"openrouter\""),
                    manifest.get("folded").toString());
            for (JsonNode p : manifest.get("proposals")) {
                if (p.get("kind").asText().equals("new")) {
                    assertTrue(p.get("title").asText().contains("p_above"), "every proposal carries an estimate: " + p.get("title"));
                }
            }

            byte[] before = Files.readAllBytes(work.resolve("dist/proposals.json"));
            TempRegistry.Run second = scrape(registry);
            assertEquals(0, second.exitCode(), second.all());
            assertTrue(second.out().contains("Branches: " + branches.size() + " unchanged"), second.out());
            assertEquals(new String(before, StandardCharsets.UTF_8).replace("\"created\"", "\"unchanged\""),
                    Files.readString(work.resolve("dist/proposals.json")));
            try (Git bare = Git.open(remote.toFile())) {
                assertEquals(opus47, bare.getRepository().resolve("refs/heads/bot/new/claude-opus-4-7"), "pushed");
            }
        }
    }

    private static String file(Git git, ObjectId commit, String path) throws Exception {
        try (RevWalk walk = new RevWalk(git.getRepository());
             TreeWalk tw = TreeWalk.forPath(git.getRepository(), path, walk.parseCommit(commit).getTree())) {
            return new String(git.getRepository().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
