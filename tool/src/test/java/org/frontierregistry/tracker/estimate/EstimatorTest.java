package org.frontierregistry.tracker.estimate;

import static org.frontierregistry.tracker.estimate.TestRecords.estimate;
import static org.frontierregistry.tracker.estimate.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void benchmarkImputationFitsOnTheOtherRecordsKnownCompute() {
        List<ModelRecord> records = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double mmlu = 50 + 5 * i;
            String date = (2021 + i / 2) + "-0" + (1 + i % 2 * 6) + "-01";
            double log10 = 22 + 0.2 * BenchmarkImputer.years(java.time.LocalDate.parse(date)) + BenchmarkImputer.feature("mmlu", mmlu);
            records.add(record("m" + i, date, "{mmlu: " + mmlu + "}",
                    estimate("reported", "Confident", "{reported_flop: " + Math.pow(10, log10) + "}")));
        }
        records.add(record("target", "2025-03-01", "{mmlu: 85, gpqa_diamond: 40}", estimate("benchmark", "Likely", "{}")));
        Estimator estimator = Estimator.of(records);
        RecordEstimate target = estimator.estimate("target");
        assertTrue(target.ok(), target.failures().toString());
        double expected = 22 + 0.2 * BenchmarkImputer.years(java.time.LocalDate.of(2025, 3, 1)) + BenchmarkImputer.feature("mmlu", 85);
        assertEquals(expected, target.results().get(0).log10(), 1e-6);
        assertTrue(target.results().get(0).result().formula().contains("regression on mmlu"), target.results().get(0).result().formula());
        // A record in the training data is still imputed without itself (leave-one-out by construction).
        assertEquals(8, estimator.imputer().observations().size());
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
    void tooFewRecordsWithKnownComputeIsAClearError() {
        Estimator estimator = Estimator.of(List.of(record("t", "2025-01-01", "{mmlu: 80}", estimate("benchmark", "Likely", "{}"))));
        EstimateFailure f = estimator.estimate("t").failures().get(0);
        assertTrue(f.message().startsWith("too few records with known compute share a benchmark"), f.message());
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
