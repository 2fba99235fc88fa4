package org.frontierregistry.tracker.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first-time contractor's path through docs/contributing.md, scripted: {@code tracker new}, the facts and
 * one estimate filled in by hand, derived values left out as the guide says. Validation then reports one
 * thing left, naming the command; after that command the record is clean.
 */
class ContractorTrialTest {
    private static final Path REPO = TempRegistry.realRepository();

    @TempDir
    Path folder;

    @Test
    void aModelWithDisclosedSizeIsOneProblemAwayAndCleanAfterTheNamedCommand() throws IOException {
        TempRegistry registry = registryWith("glm-4-5");
        Run created = registry.run("new", "--name", "GLM-5", "--org", "Zhipu AI", "--date", "2026-02-11");
        assertEquals(ExitCodes.OK, created.exitCode(), created.all());
        Path file = registry.root().resolve("models/glm-5.yaml");

        Files.writeString(file, fillFacts(Files.readString(file))
                .replace("# accessibility: API access  ", "accessibility: Open weights (unrestricted)  ")
                .replace("# parameters: 405e9", "parameters: 744e9")
                .replace("# active_parameters: 37e9", "active_parameters: 40e9")
                .replace("# training_tokens: 15.6e12", "training_tokens: 28.5e12")
                .replace("  estimates: []\n", """
                          estimates:
                            - method: parameters_tokens
                              confidence: Likely
                              inputs: {parameters: 744e9, active_parameters: 40e9, tokens: 28.5e12}
                              reasoning: The model card gives 744B total and 40B active parameters (mixture-of-experts) and 28.5T training tokens.
                              sources: [model-card]
                        """));

        Run first = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, first.exitCode(), first.all());
        List<String> errors = first.out().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(1, errors.size(), first.out());
        assertTrue(errors.get(0).startsWith("models/glm-5.yaml:"), first.out());
        assertTrue(errors.get(0).contains("derived values not filled in yet (8): run `./tracker estimate --write glm-5`"), first.out());
        assertTrue(first.out().endsWith("\n1 problem in 1 of 2 files checked.\n"), first.out());

        Run write = registry.run("estimate", "--write", "glm-5");
        Run second = registry.run("validate");

        assertEquals(ExitCodes.OK, write.exitCode(), write.all());
        assertEquals("OK: 2 files checked, no problems.\n", second.out(), second.all());
        String written = Files.readString(file);
        assertTrue(written.contains("    - method: parameters_tokens\n      flop: 6.84e24\n      confidence: Likely\n"), written);
        assertTrue(written.contains("\nstatus: likely_below "), written);
    }

    @Test
    void aModelWithNothingDisclosedIsAWarningUntilAComparisonWithItsPredecessorIsAdded() throws IOException {
        TempRegistry registry = registryWith("claude-opus-4", "claude-3-7-sonnet");
        registry.run("new", "--name", "Claude Opus 4.6", "--org", "Anthropic", "--date", "2026-02-05");
        Path file = registry.root().resolve("models/claude-opus-4-6.yaml");
        Files.writeString(file, fillFacts(Files.readString(file)));

        Run bare = registry.run("validate");

        assertEquals(ExitCodes.OK, bare.exitCode(), bare.all());
        assertTrue(bare.out().startsWith("models/claude-opus-4-6.yaml:"), bare.out());
        assertTrue(bare.out().contains(": warning: no estimate of training compute") && bare.out().contains("'When nothing is disclosed'"),
                bare.out());
        assertTrue(bare.out().endsWith("\nOK: 3 files checked, no problems, 1 warning.\n"), bare.out());

        Files.writeString(file, Files.readString(file).replace("  estimates: []\n", """
                  estimates:
                    - method: comparison
                      confidence: Speculative
                      inputs: {reference: claude-opus-4, ratio: 1}
                      reasoning: Anthropic disclosed no size, data or compute. The next Opus is assumed to have used at least its predecessor's compute.
                      sources: [model-card]
                """));
        Run compared = registry.run("validate");
        registry.run("estimate", "--write", "claude-opus-4-6");
        Run clean = registry.run("validate");

        assertEquals(1, compared.out().lines().filter(l -> l.contains(": error: ")).count(), compared.out());
        assertTrue(compared.out().contains("run `./tracker estimate --write claude-opus-4-6`"), compared.out());
        assertEquals("OK: 3 files checked, no problems.\n", clean.out(), clean.all());
    }

    /** A registry with real records from the repository (a comparison's reference and what it rests on, or a neighbour). */
    private TempRegistry registryWith(String... ids) throws IOException {
        TempRegistry registry = TempRegistry.in(folder);
        for (String id : ids) {
            registry.write(id, Files.readString(REPO.resolve("models/" + id + ".yaml")));
        }
        return registry;
    }

    /** What every contractor fills: the TODO lines left after tracker new. */
    private static String fillFacts(String template) {
        return template
                .replaceFirst("domains: \\[] +# TODO:.*\n", "domains: [Language]\n")
                .replaceFirst("sources: \\[] +# TODO:.*\n",
                        "sources:\n  - {id: model-card, url: \"https://example.org/model-card\", title: Model card}\n");
    }
}
