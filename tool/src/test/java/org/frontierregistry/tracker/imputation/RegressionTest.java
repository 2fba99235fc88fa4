package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
        Regression fit = Regression.fit(column(xs), ys);
        // By hand: slope = Sxy/Sxx, intercept = ȳ − slope·x̄, s² = SSE/(n−2), se = s·√(1 + 1/n + (x0−x̄)²/Sxx).
        int n = xs.length;
        double xbar = 4;
        double ybar = Arrays.stream(ys).average().orElseThrow();
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
        assertEquals(t * se / 1.6448536269514722, p.equivalentSd(), 1e-10);
    }

    @Test
    void theRobustFitIgnoresAnOutlierThatPullsLeastSquaresOff() {
        double[] xs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = 22 + 0.5 * xs[i] + (i % 2 == 0 ? 0.05 : -0.05);
        }
        ys[9] += 3; // one model far above the line
        double robustSlope = Regression.fitRobust(column(xs), ys).coefficients()[1];
        double olsSlope = Regression.fit(column(xs), ys).coefficients()[1];
        assertEquals(0.5, robustSlope, 0.05);
        assertTrue(Math.abs(olsSlope - 0.5) > 0.1, "least squares is pulled: " + olsSlope);
    }

    @Test
    void onDataWithoutOutliersTheRobustFitIsLeastSquares() {
        double[][] x = {{0, 1}, {1, 0}, {2, 3}, {3, 1}, {4, 4}, {5, 2}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 22.5 + 0.4 * x[i][0] - 0.75 * x[i][1];
        }
        assertArrayEquals(new double[] {22.5, 0.4, -0.75}, Regression.fitRobust(x, y).coefficients(), 1e-9);
    }

    @Test
    void aLargerPredictionVarianceWidensTheIntervalButNeverNarrowsIt() {
        double[] xs = {1, 2, 3, 4, 5, 6, 7};
        double[] ys = {23.1, 23.4, 23.35, 23.9, 24.2, 24.1, 24.6};
        Regression fit = Regression.fit(column(xs), ys);
        double se = fit.predict(new double[] {4}).se();
        assertEquals(se * 2, fit.withPredictionVariance(4 * fit.residualVariance()).predict(new double[] {4}).se(), 1e-10);
        assertEquals(se, fit.withPredictionVariance(fit.residualVariance() / 4).predict(new double[] {4}).se(), 1e-12);
    }

    @Test
    void tooFewObservationsOrCollinearPredictorsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> Regression.fit(new double[][] {{1, 2}, {2, 3}}, new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regression.fit(
                new double[][] {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}}, new double[] {1, 2, 3, 4, 6}));
        assertTrue(e.getMessage().contains("collinear"), e.getMessage());
    }

    private static double[][] column(double[] xs) {
        double[][] x = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            x[i] = new double[] {xs[i]};
        }
        return x;
    }
}
