package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {
    @TempDir
    Path folder;

    /** A record as a contractor writes it: comments, no derived values yet. */
    static final String DRAFT = """
            # yaml-language-server: $schema=../schema/model.schema.json
            # Contractor's note: figures from the technical report, section 3.
            id: big-model
            name: Big Model
            organizations: [Example Lab]
            publication_date: 2024-07-23
            domains: [Language]
            training_compute:
              estimates:
                - method: reported   # stated on page 4
                  confidence: Confident
                  inputs: {reported_flop: 3.8e25}
                  reasoning: The technical report states the pre-training compute directly.
                - method: parameters_tokens
                  confidence: Confident
                  inputs: {parameters: 405e9, tokens: 15.6e12}   # 6 N D
                  reasoning: A dense transformer, so six times parameters times tokens.
            # keep this comment above status
            status: uncertain
            sources:
              - {id: report, url: "https://example.org/report"}
            review: {verified: false}
            provenance: {created_by: contractor}
            """;

    static final String PARAMETERS_TOKENS = "    - method: parameters_tokens\n      confidence: Confident\n"
            + "      inputs: {parameters: 405e9, tokens: 15.6e12}   # 6 N D\n";

    @Test
    void theWorkingIsShownStepByStep() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("big-model", DRAFT);

        Run run = registry.run("estimate", "big-model");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        String out = run.out();
        assertTrue(out.contains("Estimate 2: parameters_tokens (Confident)\n  inputs:  {parameters: 405e9, tokens: 15.6e12}\n"
                + "  formula: 6 × 405e9 × 15.6e12\n  result:  3.791e25 FLOP (log10 25.579; not recorded)\n"
                + "  spread:  log10 sd 0.290 (Confident: within 3x at 90%)\n"), out);
        assertTrue(out.contains("  headline:     10^25.579 = 3.795e25 FLOP, log10 sd 0.205 (Confident), method reported\n"), out);
        assertTrue(out.contains("  p_above:      P(flop > 1e25) = Φ((25.579 − 25) / 0.205) = 0.998\n"), out);
        assertTrue(out.contains("status: above (p_above >= 0.95); the record says uncertain\n"), out);
        assertTrue(out.contains("'./tracker estimate --write big-model' fills them in."), out);
    }

    @Test
    void jsonHasTheContractedFieldsAtFullPrecision() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("big-model", DRAFT);

        String out = registry.run("estimate", "big-model", "--format", "json").out();
        JsonNode json = new ObjectMapper().readTree(out);

        double mean = (Math.log10(3.8e25) + Math.log10(3.7908e25)) / 2;
        assertEquals("big-model", json.get("id").asText());
        assertEquals(Math.pow(10, mean), json.get("flop").asDouble(), Math.pow(10, mean) * 1e-14);
        assertEquals(0.29006912645713423 / Math.sqrt(2), json.get("log10_sd").asDouble(), 1e-14);
        assertEquals(Math.pow(10, mean - 1.6448536269514722 * 0.29006912645713423 / Math.sqrt(2)),
                json.get("interval_90").get(0).asDouble(), 1e25 * 1e-13);
        assertEquals(0.5 * org.apache.commons.math3.special.Erf.erfc((25 - mean) / (0.29006912645713423 / Math.sqrt(2)) / Math.sqrt(2)), json.get("p_above").asDouble(), 1e-14);
        assertEquals("above", json.get("status").asText());
        assertEquals(2, json.get("estimates").size());
        assertEquals("6 × 405e9 × 15.6e12", json.get("estimates").get(1).get("formula").asText());
        // 6 × 405e9 × 15.6e12 exactly, not 3.791e25 (records round for people) nor 3.7908000000000004e25 (binary noise).
        assertEquals(3.7908e25, json.get("estimates").get(1).get("flop").asDouble());
        assertTrue(out.contains("\"flop\" : 3.7908E25"), out);
        assertEquals(0.5, json.get("estimates").get(1).get("weight").asDouble(), 1e-12);
    }

    @Test
    void estimatesFromTheSameSourceCountAsOneWitness() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("big-model", DRAFT.replace("reasoning: The technical report states the pre-training compute directly.\n",
                        "reasoning: The technical report states the pre-training compute directly.\n      sources: [report]\n")
                .replace("reasoning: A dense transformer, so six times parameters times tokens.\n",
                        "reasoning: A dense transformer, so six times parameters times tokens.\n      sources: [report]\n"));

        Run run = registry.run("estimate", "big-model");
        JsonNode json = new ObjectMapper().readTree(registry.run("estimate", "big-model", "--format", "json").out());

        assertEquals(0.29006912645713423, json.get("log10_sd").asDouble(), 1e-14, "one witness: 0.290, not 0.205");
        assertEquals(1, json.get("estimates").get(1).get("group").asInt());
        assertTrue(run.out().contains("  estimates 1, 2 share source:report: one witness, as sure as the surest of them\n"),
                run.out());
        assertTrue(run.out().contains("log10 sd 0.290 (Confident)"), run.out());
    }

    @Test
    void writeFillsDerivedValuesKeepingCommentsAndOrderAndASecondRunChangesNothing() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        Path file = registry.write("big-model", DRAFT);

        Run run = registry.run("estimate", "--write", "big-model");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertEquals("updated models/big-model.yaml (9 values)\n1 record updated, 0 unchanged.\n", run.out());
        // Each estimate's flop goes right after its method, where existing records have it; the headline after the estimates.
        String expected = DRAFT
                .replace("    - method: reported   # stated on page 4\n", "    - method: reported   # stated on page 4\n      flop: 3.8e25\n")
                .replace("    - method: parameters_tokens\n", "    - method: parameters_tokens\n      flop: 3.791e25\n")
                .replace("      reasoning: A dense transformer, so six times parameters times tokens.\n",
                        "      reasoning: A dense transformer, so six times parameters times tokens.\n"
                                + "  flop: 3.795e25\n  confidence: Confident\n  log10_sd: 0.2051\n  interval_90: [1.745e25, 8.253e25]\n"
                                + "  p_above: 0.998\n  method: reported\n")
                .replace("status: uncertain", "status: above");
        assertEquals(expected, Files.readString(file));
        assertEquals(ExitCodes.OK, registry.run("validate").exitCode(), registry.run("validate").all());

        Run again = registry.run("estimate", "--write", "--all");
        assertEquals("0 records updated, 1 unchanged.\n", again.out());
        assertEquals(expected, Files.readString(file));
    }

    @Test
    void aDraftOutsideModelsIsEstimatedAgainstTheRegistry() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("big-model", DRAFT);
        Path draft = folder.resolve("drafts/small-model.yaml");
        Files.createDirectories(draft.getParent());
        Files.writeString(draft, DRAFT.replace("id: big-model", "id: small-model").replace("name: Big Model", "name: Small Model")
                .replace(PARAMETERS_TOKENS, "    - method: comparison\n      confidence: Likely\n      inputs: {reference: big-model, ratio: 0.1}\n"));

        Run run = registry.run("estimate", "--file", draft.toString(), "--format", "json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("small-model", json.get("id").asText());
        assertEquals("3.795e25 (headline of big-model) × 0.1", json.get("estimates").get(1).get("formula").asText());
    }

    @Test
    void aQuickEstimateInJsonIsExactToTheLastDigitAPersonWouldWrite() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Run.of("estimate", "--params", "405e9", "--tokens", "15.6e12", "--format", "json").out());
        assertEquals(3.7908e25, json.get("flop").asDouble(), "the headline of one estimate is that estimate, not 3.79080000000001e25");
        assertEquals(3.7908e25, json.get("estimates").get(0).get("flop").asDouble());
    }

    @Test
    void quickFormsNeedNoFile() throws Exception {
        Run tokens = Run.of("estimate", "--params", "671e9", "--active-params", "37e9", "--tokens", "14.8e12");
        assertEquals(ExitCodes.OK, tokens.exitCode(), tokens.all());
        assertTrue(tokens.out().contains("  formula: 6 × 37e9 (active) × 14.8e12\n  result:  3.286e24 FLOP"), tokens.out());

        Run chips = Run.of("estimate", "--chip", "TPU v4", "--count", "6144", "--days", "50", "--utilization", "0.46",
                "--format", "json");
        assertEquals(ExitCodes.OK, chips.exitCode(), chips.all());
        JsonNode json = new ObjectMapper().readTree(chips.out());
        assertEquals(6144 * 275e12 * 50 * 86400 * 0.46, json.get("flop").asDouble(), 1e21);
    }

    @Test
    void badQuickInputsAreUsageErrorsWithTheOptionNamed() {
        Run chip = Run.of("estimate", "--chip", "H100 SMX", "--count", "8", "--days", "1", "--utilization", "0.4");
        assertEquals(ExitCodes.USAGE, chip.exitCode());
        assertTrue(chip.err().startsWith("error: --chip: unknown chip 'H100 SMX'. Did you mean 'H100 SXM'?"), chip.err());

        Run negative = Run.of("estimate", "--params", "-405e9", "--tokens", "15.6e12");
        assertEquals(ExitCodes.USAGE, negative.exitCode());
        assertTrue(negative.err().contains("--params: 'parameters' must be greater than 0"), negative.err());

        Run missing = Run.of("estimate", "--chip", "A100", "--count", "8", "--utilization", "0.4");
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("--days T or --hours T"), missing.err());
        assertFalse(missing.all().contains("Exception"), missing.all());
    }

    @Test
    void anUnknownChipInARecordIsReportedAtItsLineWithASuggestionAndNothingIsWritten() throws Exception {
        TempRegistry registry = TempRegistry.in(folder);
        String text = DRAFT.replace("inputs: {parameters: 405e9, tokens: 15.6e12}   # 6 N D",
                "inputs: {chip: H100 SMX, count: 16384, days: 54, utilization: 0.4}").replace("method: parameters_tokens", "method: hardware");
        Path file = registry.write("big-model", text);

        Run write = registry.run("estimate", "--write", "big-model");
        Run validate = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, write.exitCode());
        assertTrue(write.out().startsWith("models/big-model.yaml:16:22: error: estimate 2: unknown chip 'H100 SMX'\n"
                + "    hint: Did you mean 'H100 SXM'?"), write.out());
        assertTrue(write.out().contains("not written: models/big-model.yaml"), write.out());
        assertEquals(text, Files.readString(file), "nothing a person wrote changes");
        assertTrue(validate.out().contains("models/big-model.yaml:16:22: error: estimate 2: unknown chip 'H100 SMX' [estimate-inputs]"),
                validate.out());
    }

    @Test
    void anUnknownIdSuggestsTheClosest() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("big-model", DRAFT);
        Run run = registry.run("estimate", "big-modle");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no record 'big-modle' in models. Did you mean 'big-model'?"), run.err());
    }

    @Test
    void calibrationReportsLeaveOneOutErrorOnTheCommittedTableByInputSetAndYear() throws Exception {
        // No registry needed: the training table ships with the tool.
        Run run = Run.of("estimate", "--calibrate", "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        JsonNode json = new ObjectMapper().readTree(run.out());
        int n = json.get("n").asInt();
        assertEquals(org.frontierregistry.tracker.imputation.ImputationModel.standardTable().rows().size(),
                n + json.get("not_imputable").size());
        assertTrue(json.get("median_abs_log10_error").asDouble() > 0 && json.get("median_abs_log10_error").asDouble() < 1, run.out());
        assertTrue(json.get("coverage_90").asDouble() > 0.5, run.out());
        int byForm = 0;
        for (JsonNode group : json.get("by_input_set")) {
            byForm += group.get("n").asInt();
        }
        int byYear = 0;
        for (JsonNode group : json.get("by_year")) {
            byYear += group.get("n").asInt();
        }
        assertEquals(n, byForm);
        assertEquals(n, byYear);
        JsonNode classification = json.get("classification_1e24_1e26");
        assertTrue(classification.get("same_side").asInt() <= classification.get("n").asInt());

        Run text = Run.of("estimate", "--calibrate");
        assertTrue(text.out().contains("All:"), text.out());
        assertTrue(text.out().contains("n = " + n + ", median |log10 error| = "), text.out());
    }
}
