package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fitting and choosing forms on synthetic tables whose true relation is known. */
class ImputationModelTest {
    @Test
    void aNoiseFreeTableGivesBackTheTrueRelationWithTheDateTerm() {
        TrainingTable table = SyntheticTables.eciTable(40, 0, 1);
        ImputationModel model = ImputationModel.fit(table);
        ImputationModel.Fitted best = model.bestFor(Set.of("epoch_capabilities_index")).orElseThrow();
        assertEquals("epoch_capabilities_index + date", best.form().name(), "leave-one-out error prefers the date term the data has");
        assertArrayEquals(new double[] {21, 0.3, 0.8}, best.regression().coefficients(), 1e-9);
        LocalDate date = LocalDate.of(2026, 6, 1);
        assertEquals(SyntheticTables.truth(date, 160), best.predict(date, Map.of("epoch_capabilities_index", 160.0)).mean(), 1e-9);
    }

    @Test
    void aModelWithoutAnyScoreAFitUsesHasNoFit() {
        ImputationModel model = ImputationModel.fit(SyntheticTables.eciTable(40, 0.3, 2));
        assertTrue(model.bestFor(Set.of("hle", "mmlu")).isEmpty());
        assertEquals(1, model.fits().size(), "only ECI has data, so only its form is fitted");
    }

    @Test
    void fitsOnFewRowsGiveWiderIntervalsThatStillCoverNewModels() {
        // 300 small tables (9 rows, true noise sd 0.3): each predicts one new model drawn from the same relation.
        java.util.Random random = new java.util.Random(7);
        int covered = 0;
        double width = 0;
        int trials = 300;
        for (int i = 0; i < trials; i++) {
            ImputationModel.Fitted fit = ImputationModel.fit(SyntheticTables.eciTable(9, 0.3, 1000 + i)).fits().get(0);
            LocalDate date = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(4 * 365));
            double eci = 90 + 60 * random.nextDouble();
            double truth = SyntheticTables.truth(date, eci) + 0.3 * random.nextGaussian();
            Regression.Prediction p = fit.predict(date, Map.of("epoch_capabilities_index", eci));
            covered += truth >= p.low90() && truth <= p.high90() ? 1 : 0;
            width += p.equivalentSd() / trials;
        }
        assertTrue(covered >= 0.87 * trials, "small fits must not claim intervals they do not achieve: " + covered + "/" + trials);
        double many = ImputationModel.fit(SyntheticTables.eciTable(200, 0.3, 3)).fits().get(0)
                .predict(LocalDate.of(2024, 1, 1), Map.of("epoch_capabilities_index", 120.0)).equivalentSd();
        assertTrue(many > 0.27 && many < 0.36, "200 rows: about the true noise 0.3, got " + many);
        assertTrue(width > many * 1.2, "9 rows widen the interval on average: " + width + " vs " + many);
    }

    @Test
    void theFitFileReadsBackToTheSamePredictions() {
        ImputationModel model = ImputationModel.fit(SyntheticTables.eciTable(60, 0.3, 4));
        ImputationModel read = FitFile.read(FitFile.write(model), "fit.json");
        assertEquals(FitFile.write(model), FitFile.write(read));
        LocalDate date = LocalDate.of(2024, 3, 1);
        Map<String, Double> scores = Map.of("epoch_capabilities_index", 120.0);
        Regression.Prediction a = model.fits().get(0).predict(date, scores);
        Regression.Prediction b = read.fits().get(0).predict(date, scores);
        assertEquals(a, b);
    }

    @Test
    void onASimulatedTableTheNinetyPercentIntervalsCoverAboutNinetyPercent() {
        // Normal noise of sd 0.3: the median |error| should be about 0.6745 × 0.3 ≈ 0.20.
        TrainingTable table = SyntheticTables.eciTable(300, 0.3, 20260425);
        Calibration.Result result = Calibration.leaveOneOut(ImputationModel.fit(table), table);
        assertEquals(300, result.overall().n());
        assertEquals(0.20, result.overall().medianAbsLog10Error(), 0.03);
        assertEquals(0.90, result.overall().coverage90(), 0.04);
        assertEquals(List.of("epoch_capabilities_index + date"), List.copyOf(result.byForm().keySet()));
    }
}
