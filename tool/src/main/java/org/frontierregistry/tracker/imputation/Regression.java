package org.frontierregistry.tracker.imputation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares with an intercept (Commons Math), and the prediction interval for a new
 * observation, which includes the uncertainty of the fitted coefficients:
 * ŷ ± t(0.95, n−p) · σ · √(1 + x₀ᵀ(XᵀX)⁻¹x₀). σ² is the residual variance of the fit unless a larger
 * one is set with {@link #withPredictionVariance} (the imputation uses the leave-one-out error there).
 */
public final class Regression {
    /** Half-width of a two-sided 90% normal interval in sds. */
    static final double Z90 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.95);

    private final double[] beta;
    private final RealMatrix xtxInverse;
    private final double residualVariance;
    private final double predictionVariance;
    private final int n;

    Regression(double[] beta, double[][] xtxInverse, double residualVariance, double predictionVariance, int n) {
        this.beta = beta.clone();
        this.xtxInverse = MatrixUtils.createRealMatrix(xtxInverse);
        this.residualVariance = residualVariance;
        this.predictionVariance = predictionVariance;
        this.n = n;
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
            double[][] inverse = ols.estimateRegressionParametersVariance();
            double variance = ols.estimateErrorVariance();
            return new Regression(beta, inverse, variance, variance, x.length);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the predictors are collinear (a benchmark has the same score in every record, or two move together exactly)");
        }
    }

    /** The same fit, predicting with variance max(residual variance, {@code variance}). */
    public Regression withPredictionVariance(double variance) {
        return new Regression(beta, xtxInverse.getData(), residualVariance, Math.max(residualVariance, variance), n);
    }

    /**
     * Leave-one-out residuals of the observations this was fitted on, without refitting:
     * eᵢ / (1 − hᵢ), with hᵢ = xᵢᵀ(XᵀX)⁻¹xᵢ the leverage.
     */
    public double[] leaveOneOutResiduals(double[][] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            RealVector xi = augmented(x[i]);
            double residual = y[i] - xi.dotProduct(MatrixUtils.createRealVector(beta));
            out[i] = residual / (1 - xi.dotProduct(xtxInverse.operate(xi)));
        }
        return out;
    }

    public double[] coefficients() {
        return beta.clone();
    }

    public double[][] xtxInverse() {
        return xtxInverse.getData();
    }

    public int observations() {
        return n;
    }

    public int degreesOfFreedom() {
        return n - beta.length;
    }

    public double residualVariance() {
        return residualVariance;
    }

    public double predictionVariance() {
        return predictionVariance;
    }

    public double residualSd() {
        return Math.sqrt(residualVariance);
    }

    public Prediction predict(double[] x) {
        RealVector x0 = augmented(x);
        double mean = x0.dotProduct(MatrixUtils.createRealVector(beta));
        double leverage = x0.dotProduct(xtxInverse.operate(x0));
        double se = Math.sqrt(predictionVariance * (1 + leverage));
        double t = new TDistribution(null, degreesOfFreedom()).inverseCumulativeProbability(0.95);
        return new Prediction(mean, se, t);
    }

    private static RealVector augmented(double[] x) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        System.arraycopy(x, 0, row, 1, x.length);
        return MatrixUtils.createRealVector(row);
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
            return t * se / Z90;
        }
    }
}
