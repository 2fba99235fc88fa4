package org.frontierregistry.tracker.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The regression on small data sets built here with known coefficients (a test of the arithmetic, not data). */
class RegressionTest {
    @Test
    void noiseFreeDataGivesBackItsCoefficients() {
        double[][] x = {{0, 1}, {1, 0}, {2, 3}, {3, 1}, {4, 4}, {5, 2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 22.5 + 0.4 * x[i][0] - 0.75 * x[i][1];
        }
        Regression fit = Regression.fit(x, y);
        assertArrayEquals(new double[] {22.5, 0.4, -0.75}, fit.coefficients(), 1e-10);
        assertEquals(22.5 + 0.4 * 10 - 0.75 * 2, fit.predict(new double[] {10, 2}).mean(), 1e-10);
        assertEquals(3, fit.degreesOfFreedom());
    }

    @Test
    void thePredictionIntervalMatchesTheTextbookFormulaForOnePredictor() {
        double[] xs = {1, 2, 3, 4, 5, 6, 7};
        double[] ys = {23.1, 23.4, 23.35, 23.9, 24.2, 24.1, 24.6};
        double[][] x = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            x[i] = new double[] {xs[i]};
        }
        Regression fit = Regression.fit(x, ys);
        // By hand: slope = Sxy/Sxx, intercept = ȳ − slope·x̄, s² = SSE/(n−2), se = s·√(1 + 1/n + (x0−x̄)²/Sxx).
        int n = xs.length;
        double xbar = 4;
        double ybar = 0;
        for (double v : ys) {
            ybar += v / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (xs[i] - xbar) * (xs[i] - xbar);
            sxy += (xs[i] - xbar) * (ys[i] - ybar);
        }
        double slope = sxy / sxx;
        double intercept = ybar - slope * xbar;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = ys[i] - intercept - slope * xs[i];
            sse += r * r;
        }
        double s = Math.sqrt(sse / (n - 2));
        double x0 = 9;
        double se = s * Math.sqrt(1 + 1.0 / n + (x0 - xbar) * (x0 - xbar) / sxx);
        double t = new TDistribution(n - 2).inverseCumulativeProbability(0.95);

        Regression.Prediction p = fit.predict(new double[] {x0});
        assertEquals(intercept + slope * x0, p.mean(), 1e-10);
        assertEquals(se, p.se(), 1e-10);
        assertEquals(intercept + slope * x0 - t * se, p.low90(), 1e-10);
        assertEquals(t * se / Spreads.Z90, p.equivalentSd(), 1e-10);
    }

    @Test
    void tooFewObservationsOrCollinearPredictorsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> Regression.fit(new double[][] {{1, 2}, {2, 3}}, new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regression.fit(
                new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}}, new double[] {1, 2, 3, 4, 6}));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
    }

    /**
     * Records generated from a known relation, log10 C = 21 + 0.3·years + 1.2·logit(mmlu) + noise(sd 0.2):
     * leave-one-out recovers the noise level and the 90% intervals cover about 90%.
     */
    @Test
    void leaveOneOutOnDataWithKnownNoiseIsCalibrated() {
        Random random = new Random(20260425);
        List<BenchmarkImputer.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(6 * 365));
            double mmlu = 40 + 50 * random.nextDouble();
            double log10 = 21 + 0.3 * BenchmarkImputer.years(date) + 1.2 * BenchmarkImputer.feature("mmlu", mmlu)
                    + 0.2 * random.nextGaussian();
            observations.add(new BenchmarkImputer.Observation(String.format("m%03d", i), date, Map.of("mmlu", mmlu), log10));
        }
        Calibration.Result result = Calibration.leaveOneOut(new BenchmarkImputer(observations));
        assertEquals(120, result.n());
        // For normal errors the median |error| is 0.6745·sd ≈ 0.135; coverage of 90% intervals ≈ 0.90.
        assertEquals(0.135, result.medianAbsLog10Error(), 0.03);
        assertEquals(0.90, result.coverage90(), 0.05);
    }

    @Test
    void aRecordMissingABenchmarkIsImputedFromTheSubsetItHas() {
        List<BenchmarkImputer.Observation> observations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LocalDate date = LocalDate.of(2022, 1, 1).plusDays(100L * i);
            double mmlu = 50 + 5 * i;
            double gpqa = 20 + 3 * ((i * 5) % 8);
            Map<String, Double> scores = i < 6 ? Map.of("mmlu", mmlu, "gpqa_diamond", gpqa) : Map.of("mmlu", mmlu);
            observations.add(new BenchmarkImputer.Observation("m" + i, date,
                    scores, 22 + 0.2 * BenchmarkImputer.years(date) + BenchmarkImputer.feature("mmlu", mmlu)));
        }
        BenchmarkImputer imputer = new BenchmarkImputer(observations);
        // The new record has only mmlu: the fit uses the 8 records with mmlu and recovers the relation exactly.
        LocalDate date = LocalDate.of(2024, 6, 1);
        var imputation = imputer.impute("new", date, Map.of("mmlu", 80.0), List.of("mmlu")).orElseThrow();
        assertEquals(22 + 0.2 * BenchmarkImputer.years(date) + BenchmarkImputer.feature("mmlu", 80), imputation.prediction().mean(), 1e-8);
        assertEquals(8, imputation.fit().observations());
        // Asking for both benchmarks leaves 6 records, one short of the 7 a fit with two benchmarks needs.
        assertTrue(imputer.impute("new", date, Map.of("mmlu", 80.0, "gpqa_diamond", 40.0), List.of("mmlu", "gpqa_diamond")).isEmpty());
        assertEquals(List.of("mmlu"), imputer.choose("new", Map.of("mmlu", 80.0, "gpqa_diamond", 40.0)));
    }
}
