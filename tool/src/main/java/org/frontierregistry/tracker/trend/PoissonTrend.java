package org.frontierregistry.tracker.trend;

import java.util.Optional;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Log-linear Poisson regression of counts per quarter on time, count ~ Poisson(exp(a + b × year)), fitted by
 * maximum likelihood (Newton's method with step halving; the log-likelihood is concave, so it converges).
 * Unlike a straight line through log(count), it takes quarters with no model at all. exp(b) is the growth
 * factor per year. Counts may be fractional (expected counts): the estimate is then the quasi-Poisson one.
 */
final class PoissonTrend {
    private static final int MAX_STEPS = 200;

    private PoissonTrend() {
    }

    /**
     * Empty when the counts do not fix a finite slope: fewer than three quarters, or models in fewer than two
     * distinct quarters (the likelihood then grows without bound as the slope does).
     */
    static Optional<Line> fit(double[] years, double[] counts) {
        int positive = 0;
        double total = 0;
        double center = 0;
        for (int i = 0; i < counts.length; i++) {
            positive += counts[i] > 0 ? 1 : 0;
            total += counts[i];
            center += years[i] / years.length;
        }
        if (years.length < 3 || positive < 2) {
            return Optional.empty();
        }
        double a = StrictMath.log(total / counts.length);
        double b = 0;
        double current = logLikelihood(years, counts, center, a, b);
        for (int step = 0; step < MAX_STEPS; step++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < counts.length; i++) {
                double x = years[i] - center;
                double mu = StrictMath.exp(a + b * x);
                g0 += counts[i] - mu;
                g1 += (counts[i] - mu) * x;
                h00 += mu;
                h01 += mu * x;
                h11 += mu * x * x;
            }
            RealMatrix information = MatrixUtils.createRealMatrix(new double[][] {{h00, h01}, {h01, h11}});
            RealVector delta = new LUDecomposition(information).getSolver().solve(MatrixUtils.createRealVector(new double[] {g0, g1}));
            double scale = 1;
            double nextA = a + delta.getEntry(0);
            double nextB = b + delta.getEntry(1);
            double next = logLikelihood(years, counts, center, nextA, nextB);
            while (!(next >= current) && scale > 1e-6) {
                scale /= 2;
                nextA = a + scale * delta.getEntry(0);
                nextB = b + scale * delta.getEntry(1);
                next = logLikelihood(years, counts, center, nextA, nextB);
            }
            boolean converged = Math.abs(nextA - a) + Math.abs(nextB - b) < 1e-12;
            a = nextA;
            b = nextB;
            current = next;
            if (converged) {
                break;
            }
        }
        return Optional.of(new Line(a - b * center, b));
    }

    private static double logLikelihood(double[] years, double[] counts, double center, double a, double b) {
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            double eta = a + b * (years[i] - center);
            sum += counts[i] * eta - StrictMath.exp(eta);
        }
        return sum;
    }
}
