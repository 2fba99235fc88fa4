package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordEditorTest {
    private static final String RECORD = """
            # yaml-language-server: $schema=../schema/model.schema.json
            id: demo   # the file name
            name: "Demo Model"
            training_compute:
              estimates:
                - method: reported   # from the paper
                  flop: 3.8e25
                  confidence: Confident
                  inputs: {reported_flop: 3.8e25}
                - method: parameters_tokens
                  confidence: Likely
                  inputs: {parameters: 405e9, tokens: 15.6e12}
              flop: 1e25
            # reviewers: keep this comment
            status: likely_above
            review: {verified: false}
            """;

    private static RecordEditor editor(String text) {
        RecordReader.Result read = new RecordReader().parse(Path.of("demo.yaml"), text.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.ok(), () -> read.problems().toString());
        return RecordEditor.of(read.document());
    }

    @Test
    void replacingAScalarKeepsItsTrailingCommentAndEveryOtherLine() {
        String edited = editor(RECORD).set("/id", "demo-2").text();
        assertEquals(RECORD.replace("id: demo   #", "id: demo-2   #"), edited);
    }

    @Test
    void aKeyAddedAfterASiblingGoesRightAfterItInBlockAndFlowMappings() {
        String block = editor(RECORD).set("/training_compute/estimates/1/flop", 3.791e25, "method").text();
        assertEquals(RECORD.replace("    - method: parameters_tokens\n", "    - method: parameters_tokens\n      flop: 3.791e25\n"), block);

        String flowRecord = RECORD.replace("    - method: parameters_tokens\n      confidence: Likely\n      inputs: {parameters: 405e9, tokens: 15.6e12}\n",
                "    - {method: parameters_tokens, confidence: Likely, inputs: {parameters: 405e9, tokens: 15.6e12}}\n");
        String flow = editor(flowRecord).set("/training_compute/estimates/1/flop", 3.791e25, "method").text();
        assertTrue(flow.contains("    - {method: parameters_tokens, flop: 3.791e25, confidence: Likely,"), flow);

        String present = editor(RECORD).set("/training_compute/estimates/0/flop", 3.9e25, "method").text();
        assertEquals(RECORD.replace("      flop: 3.8e25\n", "      flop: 3.9e25\n"), present, "an existing key keeps its place");
        String noSibling = editor(RECORD).set("/training_compute/estimates/1/flop", 3.791e25, "absent").text();
        assertTrue(noSibling.contains("      inputs: {parameters: 405e9, tokens: 15.6e12}\n      flop: 3.791e25\n"), noSibling);
    }

    @Test
    void replacingAQuotedScalarReplacesTheWholeQuotedText() {
        String edited = editor(RECORD).set("/name", "Demo: Model").text();
        assertTrue(edited.contains("name: \"Demo: Model\"\n"), edited);
    }

    @Test
    void numbersAreWrittenInTheShortScientificForm() {
        String edited = editor(RECORD).set("/training_compute/flop", 3.7908e25).text();
        assertTrue(edited.contains("  flop: 3.7908e25\n"), edited);
    }

    @Test
    void computedNumbersLoseTheirBinaryNoise() {
        String edited = editor(RECORD).set("/training_compute/flop", 0.1 * 2.8e24).set("/id", 1.9999999999999998e23).text();
        assertTrue(edited.contains("  flop: 2.8e23\n"), edited);
        assertTrue(edited.contains("id: 2e23   #"), edited);
    }

    @Test
    void aMissingKeyInASequenceItemIsAddedAtTheItemsIndentation() {
        String edited = editor(RECORD).set("/training_compute/estimates/1/flop", 3.79e25).text();
        assertTrue(edited.contains("      inputs: {parameters: 405e9, tokens: 15.6e12}\n      flop: 3.79e25\n  flop: 1e25"), edited);
    }

    @Test
    void aMissingKeyInABlockMappingIsAddedAfterItsLastChild() {
        String edited = editor(RECORD).set("/training_compute/p_above", 0.5).text();
        assertTrue(edited.contains("  flop: 1e25\n  p_above: 0.5\n# reviewers: keep this comment"), edited);
    }

    @Test
    void aMissingKeyInAFlowMappingIsAddedInsideTheBraces() {
        String edited = editor(RECORD).set("/review/by", "alice").set("/review/date", LocalDate.of(2026, 1, 2)).text();
        assertTrue(edited.contains("review: {verified: false, by: alice, date: 2026-01-02}"), edited);
    }

    @Test
    void aMissingTopLevelKeyGoesWhereTheSchemaPutsItAndListsAreWrittenInFlowStyle() {
        String edited = editor(RECORD).set("/aliases", List.of("demo", "Demo 1.0")).text();
        assertTrue(edited.contains("name: \"Demo Model\"\naliases: [demo, Demo 1.0]\ntraining_compute:\n"), edited);
    }

    @Test
    void aMissingTopLevelMappingIsCreatedBeforeTheFieldsThatFollowIt() {
        String edited = editor(RECORD).set("/benchmarks/lmarena_text", 1258).text();
        assertTrue(edited.contains("name: \"Demo Model\"\nbenchmarks: {lmarena_text: 1258}\ntraining_compute:\n"), edited);
    }

    @Test
    void aTopLevelKeyThatComesLastInTheSchemaIsAppended() {
        String edited = editor(RECORD).set("/provenance/created_by", "bot").text();
        assertTrue(edited.endsWith("review: {verified: false}\nprovenance: {created_by: bot}\n"), edited);
    }

    @Test
    void aMissingParentMappingIsCreated() {
        String edited = editor("id: demo\n").set("/review/verified", true).text();
        assertEquals("id: demo\nreview: {verified: true}\n", edited);
    }

    @Test
    void reservedWordsAndNumbersInTextAreQuoted() {
        String edited = editor(RECORD).set("/name", "true").set("/status", "1e25").text();
        assertTrue(edited.contains("name: \"true\"") && edited.contains("status: \"1e25\""), edited);
    }

    @Test
    void removingAKeyDropsItsLinesOrItsFlowEntry() {
        String edited = editor(RECORD).remove("/training_compute/flop").remove("/review/verified").text();
        assertTrue(edited.contains("tokens: 15.6e12}\n# reviewers"), edited);
        assertTrue(edited.contains("review: {}"), edited);
    }

    @Test
    void replacingABlockListWithAFlowListKeepsTheRest() {
        String text = "id: demo\naliases:\n  - a\n  - b\n# after\nname: x\n";
        String edited = editor(text).set("/aliases", List.of("c")).text();
        assertEquals("id: demo\naliases: [c]\n# after\nname: x\n", edited);
    }
}
