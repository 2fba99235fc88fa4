package org.frontierregistry.tracker.estimate;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares with an intercept (Commons Math), and the classical prediction interval
 * for a new observation: ŷ ± t(0.95, n−p) · s · √(1 + x₀ᵀ(XᵀX)⁻¹x₀).
 */
public final class Regression {
    private final double[] beta;
    private final RealMatrix xtxInverse;
    private final double residualVariance;
    private final int n;
    private final int df;

    private Regression(double[] beta, RealMatrix xtxInverse, double residualVariance, int n) {
        this.beta = beta;
        this.xtxInverse = xtxInverse;
        this.residualVariance = residualVariance;
        this.n = n;
        this.df = n - beta.length;
    }

    /**
     * @param x one row per observation, one column per predictor (the intercept is added)
     * @throws IllegalArgumentException when there are not more observations than coefficients, or the
     *                                  predictors are collinear
     */
    public static Regression fit(double[][] x, double[] y) {
        int p = x.length == 0 ? 1 : x[0].length + 1;
        if (x.length <= p) {
            throw new IllegalArgumentException("need more observations (" + x.length + ") than coefficients (" + p + ")");
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        try {
            double[] beta = ols.estimateRegressionParameters();
            // For OLS, Commons Math's "parameters variance" is (XᵀX)⁻¹ (not yet scaled by σ²).
            RealMatrix inverse = MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance());
            return new Regression(beta, inverse, ols.estimateErrorVariance(), x.length);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the predictors are collinear (a benchmark has the same score in every record, or two move together exactly)");
        }
    }

    public double[] coefficients() {
        return beta.clone();
    }

    public int observations() {
        return n;
    }

    public int degreesOfFreedom() {
        return df;
    }

    public double residualSd() {
        return Math.sqrt(residualVariance);
    }

    public Prediction predict(double[] x) {
        double[] augmented = new double[x.length + 1];
        augmented[0] = 1;
        System.arraycopy(x, 0, augmented, 1, x.length);
        RealVector x0 = MatrixUtils.createRealVector(augmented);
        double mean = x0.dotProduct(MatrixUtils.createRealVector(beta));
        double leverage = x0.dotProduct(xtxInverse.operate(x0));
        double se = Math.sqrt(residualVariance * (1 + leverage));
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.95);
        return new Prediction(mean, se, t);
    }

    /**
     * @param se standard error of a new observation
     * @param t  the t quantile for a two-sided 90% interval at the fit's degrees of freedom
     */
    public record Prediction(double mean, double se, double t) {
        public double low90() {
            return mean - t * se;
        }

        public double high90() {
            return mean + t * se;
        }

        /** The normal sd whose 90% interval equals this prediction's t interval (used when combining). */
        public double equivalentSd() {
            return t * se / Spreads.Z90;
        }
    }
}
