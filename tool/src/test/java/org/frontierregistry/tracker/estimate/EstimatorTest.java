package org.frontierregistry.tracker.estimate;

import static org.frontierregistry.tracker.estimate.TestRecords.estimate;
import static org.frontierregistry.tracker.estimate.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.imputation.SyntheticTables;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;
import org.junit.jupiter.api.Test;

class EstimatorTest {
    @Test
    void aComparisonUsesTheRecomputedHeadlineOfItsReferenceWhateverTheOrder() {
        List<ModelRecord> records = List.of(
                record("child", "2025-01-01", "", estimate("comparison", "Likely", "{reference: middle, ratio: 2}")),
                record("middle", "2024-06-01", "", estimate("comparison", "Likely", "{reference: base, ratio: 0.5}")),
                record("base", "2024-01-01", "", estimate("reported", "Confident", "{reported_flop: 4e25}")));
        Estimator estimator = Estimator.of(records);
        RecordEstimate child = estimator.estimate("child");
        assertTrue(child.ok(), child.failures().toString());
        assertEquals(4e25, child.results().get(0).flop(), 4e25 * 1e-12);
        assertEquals("2e25 (headline of middle) × 2", child.results().get(0).result().formula());
        assertEquals(Status.LIKELY_ABOVE, child.ruleStatus());
    }

    @Test
    void aCycleOfComparisonsIsAnErrorOnEveryComparisonInIt() {
        List<ModelRecord> records = List.of(
                record("a", "2025-01-01", "", estimate("comparison", "Likely", "{reference: b, ratio: 2}")),
                record("b", "2025-01-01", "", estimate("comparison", "Likely", "{reference: a, ratio: 0.5}"),
                        estimate("reported", "Confident", "{reported_flop: 1e25}")));
        Estimator estimator = Estimator.of(records);
        EstimateFailure a = estimator.estimate("a").failures().get(0);
        assertEquals("comparisons form a cycle: a → b → a", a.message());
        assertEquals("/training_compute/estimates/0/inputs/reference", a.pointer());
        RecordEstimate b = estimator.estimate("b");
        assertEquals("comparisons form a cycle: b → a → b", b.failures().get(0).message());
        assertEquals(1e25, b.headline().flop(), 1e25 * 1e-12, "b keeps its other estimate");
        assertNull(estimator.estimate("a").headline());
    }

    @Test
    void anUnknownReferenceSuggestsTheClosestId() {
        Estimator estimator = Estimator.of(List.of(
                record("a", "2025-01-01", "", estimate("comparison", "Likely", "{reference: gpt-4o, ratio: 2}")),
                record("gpt-4", "2023-03-15", "", estimate("reported", "Likely", "{reported_flop: 2.1e25}"))));
        EstimateFailure f = estimator.estimate("a").failures().get(0);
        assertEquals("comparison refers to 'gpt-4o', which is not a record", f.message());
        assertTrue(f.hint().startsWith("Did you mean 'gpt-4'?"), f.hint());
    }

    @Test
    void benchmarkImputationUsesTheCommittedFitAndNoOtherRecord() {
        ImputationModel model = ImputationModel.fit(SyntheticTables.eciTable(40, 0, 1));
        ModelRecord target = record("target", "2025-03-01", "{epoch_capabilities_index: 140, mmlu: 85}", estimate("benchmark", "Likely", "{}"));
        ModelRecord other = record("other", "2024-01-01", "{epoch_capabilities_index: 120}",
                estimate("reported", "Confident", "{reported_flop: 1e27}"));
        RecordEstimate alone = new Estimator(List.of(target), ChipCatalogue.standard(), model).estimate("target");
        assertTrue(alone.ok(), alone.failures().toString());
        assertEquals(SyntheticTables.truth(java.time.LocalDate.of(2025, 3, 1), 140), alone.results().get(0).log10(), 1e-9);
        assertTrue(alone.results().get(0).result().formula().contains("imputation from epoch_capabilities_index + date"),
                alone.results().get(0).result().formula());
        // A record with known compute far off the relation changes nothing: the fit is committed data, not the registry.
        RecordEstimate withOther = new Estimator(List.of(target, other), ChipCatalogue.standard(), model).estimate("target");
        assertEquals(alone.results().get(0).flop(), withOther.results().get(0).flop());
    }

    @Test
    void aListedBenchmarkTheRecordLacksIsReportedAtItsPlaceInTheList() {
        Estimator estimator = Estimator.of(List.of(record("t", "2025-01-01", "{mmlu: 80}",
                estimate("benchmark", "Likely", "{benchmarks: [mmlu, mmlu_pr]}"))));
        EstimateFailure f = estimator.estimate("t").failures().get(0);
        assertEquals("/training_compute/estimates/0/inputs/benchmarks/1", f.pointer());
        assertEquals("benchmark 'mmlu_pr' has no score in the record's benchmarks", f.message());
    }

    @Test
    void aRecordWithNoScoreTheImputationLearnsFromIsAClearError() {
        Estimator estimator = Estimator.of(List.of(record("t", "2025-01-01", "{mmlu: 80}", estimate("benchmark", "Likely", "{}"))));
        EstimateFailure f = estimator.estimate("t").failures().get(0);
        assertEquals("the record has no score the imputation learns from (epoch_capabilities_index, aa_intelligence_index, mmlu_pro, "
                + "gpqa_diamond, hle, lmarena_text)", f.message());
        assertTrue(f.hint().contains("imputed_flop"), f.hint());
    }

    @Test
    void anOutsideImputationIsTakenAsGiven() {
        RecordEstimate r = Estimator.of(List.of(record("t", "2025-01-01", "",
                estimate("benchmark", "Speculative", "{imputed_flop: 3e25, imputed_by: Epoch AI}")))).estimate("t");
        assertEquals(3e25, r.headline().flop(), 3e25 * 1e-12);
        assertEquals(Spreads.log10Sd(org.frontierregistry.tracker.record.Confidence.Speculative), r.headline().log10Sd(), 1e-12);
    }
}
