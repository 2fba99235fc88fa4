package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimatesCheckTest {
    @TempDir
    Path folder;

    /** A consistent record (its derived values as tracker estimate --write leaves them). */
    static final String RECORD = """
            # yaml-language-server: $schema=../schema/model.schema.json
            id: llama
            name: Llama
            organizations: [Meta AI]
            publication_date: 2024-07-23
            domains: [Language]
            training_compute:
              estimates:
                - method: parameters_tokens
                  flop: 3.7908e25
                  confidence: Confident
                  inputs: {parameters: 405e9, tokens: 15.6e12}
                  reasoning: A dense transformer, so six times parameters times tokens.
              flop: 3.791e25
              confidence: Confident
              log10_sd: 0.2901
              interval_90: [1.264e25, 1.137e26]
              p_above: 0.977
              method: parameters_tokens
            status: above
            sources:
              - {id: report, url: "https://example.org/report"}
            review: {verified: false}
            provenance: {created_by: contractor}
            """;

    private TempRegistry registry;

    private Run validate(String text) {
        if (registry == null) {
            registry = TempRegistry.in(folder);
        }
        registry.write("llama", text);
        return registry.run("validate", "--verbose");
    }

    @Test
    void aConsistentRecordPasses() {
        Run run = validate(RECORD);
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
    }

    @Test
    void anEstimateMoreThanOnePercentOffNamesTheValueToPaste() {
        Run run = validate(RECORD.replace("flop: 3.7908e25", "flop: 3.5e25"));
        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.out().startsWith("models/llama.yaml:10:13: error: estimate 1 (parameters_tokens): flop should be 3.791e25 "
                + "(6 × 405e9 × 15.6e12), not 3.5e25 [estimate-flop]\n    hint: Paste the value above, or run: ./tracker estimate --write llama\n"),
                run.out());
    }

    @Test
    void withinOnePercentIsAccepted() {
        Run run = validate(RECORD.replace("flop: 3.7908e25", "flop: 3.8e25"));
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
    }

    @Test
    void aMissingEstimateFlopIsReportedWithItsFormula() {
        Run run = validate(RECORD.replace("      flop: 3.7908e25\n", ""));
        assertTrue(run.out().contains("error: estimate 1 (parameters_tokens) has no flop: it should be 3.791e25 (6 × 405e9 × 15.6e12)"),
                run.out());
    }

    @Test
    void aWrongHeadlineOrProbabilityIsReported() {
        Run run = validate(RECORD.replace("p_above: 0.977", "p_above: 0.9").replace("log10_sd: 0.2901", "log10_sd: 0.25"));
        assertTrue(run.out().contains("models/llama.yaml:18:12: error: training_compute.p_above should be 0.977"), run.out());
        assertTrue(run.out().contains("training_compute.log10_sd should be 0.2901 (combining 1 estimate), not 0.25"), run.out());
    }

    @Test
    void aStatusThatContradictsPAboveIsAnErrorWithoutAVerifiedOverride() {
        Run run = validate(RECORD.replace("status: above", "status: likely_below"));
        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.out().contains("models/llama.yaml:20:9: error: status is 'likely_below' but p_above 0.977 gives 'above' "
                + "(p_above >= 0.95); only a verified review with status_reasoning may set another status [status]"), run.out());
    }

    @Test
    void aVerifiedReviewerMayOverrideTheStatusWhenTheySayWhy() {
        String overridden = RECORD.replace("status: above", "status: below\nstatus_reasoning: The lab says this run was abandoned and retrained smaller.")
                .replace("review: {verified: false}", "review: {verified: true, by: ada, date: 2025-01-02}");
        Run accepted = validate(overridden);
        assertEquals(ExitCodes.OK, accepted.exitCode(), accepted.all());

        String noReason = RECORD.replace("status: above", "status: below")
                .replace("review: {verified: false}", "review: {verified: true, by: ada, date: 2025-01-02}");
        Run run = validate(noReason);
        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertTrue(run.out().contains("status is 'below' but p_above 0.977 gives 'above'"), run.out());
    }

    @Test
    void noEstimateMeansStatusUncertainAndNoHeadline() {
        String none = RECORD.substring(0, RECORD.indexOf("  estimates:")) + "  estimates: []\n  flop: 1e25\nstatus: uncertain\n"
                + RECORD.substring(RECORD.indexOf("sources:"));
        Run run = validate(none);
        assertTrue(run.out().contains("training_compute.flop is set but no estimate gives a headline; remove it [headline]"), run.out());
        assertTrue(run.out().contains("hint: Delete it, or run: ./tracker estimate --write llama"), run.out());
    }

    @Test
    void withoutVerboseARecordsDerivedValuesAreOneProblemNamingTheCommand() {
        String bare = RECORD.replace("      flop: 3.7908e25\n", "").replaceAll("(?m)^  (flop|confidence|log10_sd|interval_90|p_above|method): .*\n", "")
                .replace("status: above", "status: uncertain");
        registry = TempRegistry.in(folder);
        registry.write("llama", bare);

        Run run = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, run.exitCode());
        assertEquals("""
                models/llama.yaml:8:3: error: derived values not filled in yet (8): run `./tracker estimate --write llama` [derived-values]
                    hint: The tool computes them from your estimates (./tracker validate --verbose lists each). In the browser, \
                paste the lines the pull-request comment shows under 'Derived values'.
                1 problem in 1 of 1 file checked.
                """, run.out());
        Run verbose = registry.run("validate", "--verbose");
        assertEquals(8, verbose.out().lines().filter(l -> l.contains(": error: ")).count(), verbose.out());
        assertTrue(verbose.out().endsWith("8 problems in 1 of 1 file checked.\n"), verbose.out());
    }

    @Test
    void outdatedValuesSayToUpdateAndOtherProblemsComeFirst() {
        registry = TempRegistry.in(folder);
        registry.write("llama", RECORD.replace("flop: 3.7908e25", "flop: 3.5e25").replace("[report]", "[reprot]")
                .replace("reasoning: A dense", "sources: [reprot]\n      reasoning: A dense"));

        Run run = registry.run("validate");

        assertTrue(run.out().contains("error: derived values to update (1): run `./tracker estimate --write llama` once the other "
                + "problems are fixed [derived-values]"), run.out());
        assertTrue(run.out().contains("[unknown-source]"), run.out());
    }

    @Test
    void aRecordWithoutAnyEstimateIsAWarningThatSaysWhatToDoAndPasses() {
        String none = RECORD.substring(0, RECORD.indexOf("  estimates:")) + "  estimates: []\nstatus: uncertain\n"
                + RECORD.substring(RECORD.indexOf("sources:"));
        registry = TempRegistry.in(folder);
        registry.write("llama", none);

        Run run = registry.run("validate");
        Run json = registry.run("validate", "--format", "json");
        Run github = registry.run("validate", "--format", "github");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.out().startsWith("models/llama.yaml:8:14: warning: no estimate of training compute: the model stays 'uncertain' "
                + "and is on neither side of 1e25 [no-estimate]\n    hint: If nothing is disclosed, add a Speculative 'comparison' with a "
                + "recorded predecessor"), run.out());
        assertTrue(run.out().contains("docs/contributing.md, 'When nothing is disclosed'"), run.out());
        assertTrue(run.out().endsWith("\nOK: 1 file checked, no problems, 1 warning.\n"), run.out());
        assertEquals(ExitCodes.OK, json.exitCode());
        assertTrue(json.out().contains("\"ok\" : true") && json.out().contains("\"problems\" : [ ]")
                && json.out().contains("\"severity\" : \"warning\"") && json.out().contains("\"code\" : \"no-estimate\""), json.out());
        assertEquals(ExitCodes.OK, github.exitCode());
        assertTrue(github.out().startsWith("::warning file=models/llama.yaml,line=8,col=14,title=tracker validate%3A no-estimate::"), github.out());
    }

    @Test
    void aRejectedRecordNeedsNoEstimate() {
        String rejected = RECORD.substring(0, RECORD.indexOf("  estimates:")) + "  estimates: []\nstatus: rejected\n"
                + "status_reasoning: A fine-tune of another recorded model, not a separate training run.\n"
                + RECORD.substring(RECORD.indexOf("sources:"));
        registry = TempRegistry.in(folder);
        registry.write("llama", rejected);

        Run run = registry.run("validate");

        assertTrue(!run.out().contains("no-estimate"), run.out());
    }

    /**
     * A record's check depends on the records it compares with: after an edit of the reference alone, the
     * comparing record (its file and cached tree unchanged) is checked against the new headline.
     */
    @Test
    void aComparisonIsCheckedAgainstItsReferencesCurrentHeadlineAfterACachedRun() {
        registry = TempRegistry.in(folder);
        registry.write("llama", RECORD);
        registry.write("follower", RECORD.replace("id: llama", "id: follower").replace("name: Llama", "name: Follower")
                .replace("method: parameters_tokens\n      flop: 3.7908e25", "method: comparison\n      flop: 1e25")
                .replace("inputs: {parameters: 405e9, tokens: 15.6e12}", "inputs: {reference: llama, ratio: 0.5}")
                .replace("reasoning: A dense transformer, so six times parameters times tokens.", "reasoning: Half of Llama's compute."));
        assertEquals(ExitCodes.OK, registry.run("estimate", "--write", "--all").exitCode());
        Run filled = registry.run("validate");
        assertEquals(ExitCodes.OK, filled.exitCode(), filled.all());

        registry.write("llama", RECORD.replace("tokens: 15.6e12", "tokens: 31.2e12"));
        assertEquals(ExitCodes.OK, registry.run("estimate", "--write", "llama").exitCode());
        Run run = registry.run("validate", "--verbose");
        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        assertTrue(run.out().contains("models/follower.yaml:"), run.out());
        assertTrue(run.out().contains("estimate 1 (comparison): flop should be 3.791e25 (7.582e25 (headline of llama) × 0.5), not 1.895e25"),
                run.out());
        assertEquals(run.out(), registry.run("validate", "--verbose", "--no-cache").out(), "the cache changes no answer");
    }
}
