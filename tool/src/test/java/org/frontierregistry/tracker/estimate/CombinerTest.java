package org.frontierregistry.tracker.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.frontierregistry.tracker.record.Confidence;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values computed by hand (Python: math.log10, math.erfc) from the definitions in docs/methodology.md. */
class CombinerTest {
    private static EstimateResult estimate(int index, Method method, Confidence confidence, double flop) {
        return new EstimateResult(index, method, confidence, MethodResult.of(flop, "test"), Spreads.log10Sd(confidence), null);
    }

    @Test
    void confidenceLevelsAreEpochsFactorsReadAsNinetyPercentIntervals() {
        assertEquals(0.29006912645713423, Spreads.log10Sd(Confidence.Confident), 1e-12);
        assertEquals(0.6079568319117692, Spreads.log10Sd(Confidence.Likely), 1e-12);
        assertEquals(0.8980259583689033, Spreads.log10Sd(Confidence.Speculative), 1e-12);
    }

    @Test
    void twoEstimatesCombineByInverseVarianceInLogSpace() {
        Headline h = Combiner.combine(List.of(
                estimate(0, Method.REPORTED, Confidence.Confident, 1e25),
                estimate(1, Method.HARDWARE, Confidence.Likely, 1e26)));
        assertEquals(25.185432066169778, h.log10Mean(), 1e-12);
        assertEquals(0.2617972992236879, h.log10Sd(), 1e-12);
        assertEquals(1.532611451279703e25, h.flop(), 1e25 * 1e-10);
        assertEquals(0.7606217436241579, h.pAbove(), 1e-12);
        assertEquals(5.686091303383854e24, h.low90(), 1e24 * 1e-10);
        assertEquals(4.130953470964883e25, h.high90(), 1e25 * 1e-10);
        assertEquals(0.814567933830224, h.weights().get(0), 1e-12);
        assertEquals(Method.REPORTED, h.method());
        assertEquals(Confidence.Confident, h.confidence());
        assertEquals(Status.LIKELY_ABOVE, h.status());
    }

    @ParameterizedTest
    @CsvSource({
            "1e25, Confident, 0.5",
            "2e25, Likely, 0.6897529779900213",
            "5e24, Speculative, 0.3687321996706946",
            "3e25, Confident, 0.95"})
    void pAboveIsTheLognormalTailBeyondOneE25(double flop, Confidence confidence, double expected) {
        Headline h = Combiner.combine(List.of(estimate(0, Method.REPORTED, confidence, flop)));
        assertEquals(expected, h.pAbove(), 1e-12);
    }

    @Test
    void equalWeightsGiveTheMethodListedFirst() {
        Headline h = Combiner.combine(List.of(
                estimate(0, Method.REPORTED, Confidence.Confident, 3.8e25),
                estimate(1, Method.PARAMETERS_TOKENS, Confidence.Confident, 3.7908e25)));
        assertEquals(Method.REPORTED, h.method());
        assertEquals(Spreads.log10Sd(Confidence.Confident) / Math.sqrt(2), h.log10Sd(), 1e-12);
        assertEquals((Math.log10(3.8e25) + Math.log10(3.7908e25)) / 2, h.log10Mean(), 1e-12);
    }

    @Test
    void estimatesFromTheSameReportAreOneWitnessNotTwo() {
        // Llama 3.1 405B: 3.8e25 stated in the paper and 6 × 405e9 × 15.6e12 from the same paper.
        Headline h = Combiner.combine(List.of(
                shared(0, Method.REPORTED, 3.8e25, "source:llama3-paper", "input:reported_flop=3.8e25"),
                shared(1, Method.PARAMETERS_TOKENS, 3.7908e25, "source:llama3-paper", "input:parameters=405e9", "input:tokens=15.6e12")));
        assertEquals(0.29006912645713423, h.log10Sd(), 1e-12, "sd 0.290 as for one Confident estimate, not 0.205");
        assertEquals((Math.log10(3.8e25) + Math.log10(3.7908e25)) / 2, h.log10Mean(), 1e-12);
        assertEquals(List.of(0, 0), h.groups());
        assertEquals(0.5, h.weights().get(0), 1e-12);
    }

    @Test
    void sharingIsTransitiveAndIndependentGroupsStillCombine() {
        // 1 and 2 share a token count, 2 and 3 a source: one group; 4 shares nothing.
        Headline h = Combiner.combine(List.of(
                shared(0, Method.PARAMETERS_TOKENS, 1e25, "input:tokens=15e12"),
                shared(1, Method.PARAMETERS_TOKENS, 2e25, "input:tokens=15e12", "source:blog"),
                shared(2, Method.REPORTED, 1.5e25, "source:blog"),
                shared(3, Method.HARDWARE, 3e25, "source:paper")));
        assertEquals(List.of(0, 0, 0, 1), h.groups());
        double sd = Spreads.log10Sd(Confidence.Confident);
        assertEquals(sd / Math.sqrt(2), h.log10Sd(), 1e-12, "two independent witnesses of sd 0.290 each");
        double group = (Math.log10(1e25) + Math.log10(2e25) + Math.log10(1.5e25)) / 3;
        assertEquals((group + Math.log10(3e25)) / 2, h.log10Mean(), 1e-12);
    }

    @Test
    void aGroupIsAsSureAsItsSurestMemberAndNoSurer() {
        Headline h = Combiner.combine(List.of(
                new EstimateResult(0, Method.REPORTED, Confidence.Confident, MethodResult.of(1e25, "t"), 0.29, null, java.util.Set.of("source:a")),
                new EstimateResult(1, Method.COST, Confidence.Likely, MethodResult.of(1e26, "t"), 0.58, null, java.util.Set.of("source:a"))));
        // weights 1/0.29² : 1/0.58² = 4 : 1, so mean = (4 × 25 + 26) / 5; the weaker estimate adds no certainty, nor removes any.
        assertEquals(0.29, h.log10Sd(), 1e-12);
        assertEquals(25.2, h.log10Mean(), 1e-12);
    }

    private static EstimateResult shared(int index, Method method, double flop, String... evidence) {
        return new EstimateResult(index, method, Confidence.Confident, MethodResult.of(flop, "test"),
                Spreads.log10Sd(Confidence.Confident), null, java.util.Set.of(evidence));
    }

    @Test
    void noEstimateMeansNoHeadlineAndStatusUncertain() {
        assertNull(Combiner.combine(List.of()));
        assertEquals(Status.UNCERTAIN, StatusRule.of(null));
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, ABOVE", "0.95, ABOVE", "0.9499, LIKELY_ABOVE", "0.5, LIKELY_ABOVE", "0.4999, LIKELY_BELOW",
            "0.0501, LIKELY_BELOW", "0.05, BELOW", "0.0, BELOW"})
    void theStatusRuleHasFixedCutOffs(double p, Status expected) {
        assertEquals(expected, StatusRule.of(p));
    }

    @ParameterizedTest
    @CsvSource({"0.9496, 0.949", "0.5004, 0.5", "0.4996, 0.499", "0.0504, 0.051", "0.12345, 0.123", "0.9999, 1.0"})
    void storedProbabilitiesNeverCrossACutOff(double p, double stored) {
        assertEquals(stored, StatusRule.storedProbability(p), 1e-12);
        assertEquals(StatusRule.of(p), StatusRule.of(StatusRule.storedProbability(p)));
    }
}
