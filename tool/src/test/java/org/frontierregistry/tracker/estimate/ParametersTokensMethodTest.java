package org.frontierregistry.tracker.estimate;

import static org.frontierregistry.tracker.estimate.TestRecords.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParametersTokensMethodTest {
    @Test
    void aDenseModelIsSixTimesParametersTimesTokens() {
        MethodResult r = ParametersTokensMethod.compute(inputs("{\"parameters\": 405e9, \"tokens\": 15.6e12}"));
        assertEquals(3.7908e25, r.flop(), 3.7908e25 * 1e-12);
        assertEquals("6 × 405e9 × 15.6e12", r.formula());
    }

    @Test
    void aMixtureOfExpertsCountsOnlyTheActiveParameters() {
        MethodResult r = ParametersTokensMethod.compute(inputs("{\"parameters\": 671e9, \"active_parameters\": 37e9, \"tokens\": 14.8e12}"));
        assertEquals(6 * 37e9 * 14.8e12, r.flop(), 1e12);
        assertEquals(3.2856e24, r.flop(), 3.2856e24 * 1e-12);
        assertEquals("6 × 37e9 (active) × 14.8e12", r.formula());
    }

    @Test
    void severalStagesAreSummed() {
        MethodResult r = ParametersTokensMethod.compute(inputs("""
                {"stages": [{"name": "pre-training", "parameters": 400e9, "active_parameters": 40e9, "tokens": 19e12},
                            {"name": "long context", "parameters": 400e9, "active_parameters": 40e9, "tokens": 1e12},
                            {"parameters": 7e9, "tokens": 2e12}]}"""));
        assertEquals(4.56e24 + 2.4e23 + 8.4e22, r.flop(), 1e12);
        assertEquals("6 × 40e9 (active) × 19e12 + 6 × 40e9 (active) × 1e12 + 6 × 7e9 × 2e12", r.formula());
        assertEquals(3, r.steps().size());
        assertTrue(r.steps().get(0).startsWith("pre-training: "), r.steps().toString());
        assertTrue(r.steps().get(2).startsWith("stage 3: "), r.steps().toString());
    }

    @Test
    void aNegativeValueIsRejectedAtItsField() {
        EstimateException e = assertThrows(EstimateException.class,
                () -> ParametersTokensMethod.compute(inputs("{\"parameters\": -405e9, \"tokens\": 15.6e12}")));
        assertEquals("/parameters", e.pointer());
        assertTrue(e.getMessage().contains("'parameters' must be greater than 0"), e.getMessage());
    }

    @Test
    void aMissingInputNamesTheFieldToAdd() {
        EstimateException e = assertThrows(EstimateException.class,
                () -> ParametersTokensMethod.compute(inputs("{\"parameters\": 405e9}")));
        assertEquals("", e.pointer());
        assertEquals("missing input 'tokens' for method parameters_tokens", e.getMessage());
        assertTrue(e.hint().contains("tokens:"), e.hint());
    }

    @Test
    void aBadStageIsReportedAtTheStage() {
        EstimateException e = assertThrows(EstimateException.class,
                () -> ParametersTokensMethod.compute(inputs("{\"stages\": [{\"parameters\": 1e9, \"tokens\": 1e12}, {\"parameters\": 1e9, \"tokens\": 0}]}")));
        assertEquals("/stages/1/tokens", e.pointer());
    }

    @Test
    void moreActiveThanTotalParametersIsAnError() {
        EstimateException e = assertThrows(EstimateException.class,
                () -> ParametersTokensMethod.compute(inputs("{\"parameters\": 40e9, \"active_parameters\": 400e9, \"tokens\": 1e12}")));
        assertEquals("/active_parameters", e.pointer());
    }
}
