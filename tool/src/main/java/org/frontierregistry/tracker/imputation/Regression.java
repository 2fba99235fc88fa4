package org.frontierregistry.tracker.imputation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Linear regression with an intercept, by ordinary least squares or by Huber's robust M-estimator
 * (iteratively reweighted least squares; each step is Commons Math's OLS), and the prediction interval
 * for a new observation, which includes the uncertainty of the fitted coefficients:
 * ŷ ± t(0.95, n−p) · σ · √(1 + x₀ᵀ(XᵀWX)⁻¹x₀) (W = I for OLS). σ² is the residual variance of the fit
 * unless a larger one is set with {@link #withPredictionVariance} (the imputation uses the leave-one-out
 * error there).
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

    /** Huber's tuning constant: 95% efficiency when the errors are normal. */
    static final double HUBER_K = 1.345;
    private static final int MAX_ITERATIONS = 200;

    /**
     * Huber's M-estimator: residuals beyond k robust sds (k = 1.345, the sd estimated as median |residual|
     * / 0.6745) get weight k·sd/|residual| instead of 1, so a few models far off the line (distilled small
     * models) pull the fit less than under least squares. The residual variance is Σ wᵢeᵢ² / (n − p).
     */
    public static Regression fitRobust(double[][] x, double[] y) {
        Regression fit = fit(x, y);
        double[] w = new double[y.length];
        java.util.Arrays.fill(w, 1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] residuals = fit.residuals(x, y);
            double scale = new org.apache.commons.math3.stat.descriptive.rank.Median()
                    .evaluate(java.util.Arrays.stream(residuals).map(Math::abs).toArray()) / 0.6744897501960817;
            if (scale < 1e-12) {
                break; // the data lie on a plane: least squares is already exact
            }
            for (int i = 0; i < w.length; i++) {
                double u = Math.abs(residuals[i]) / (HUBER_K * scale);
                w[i] = u <= 1 ? 1 : 1 / u;
            }
            Regression next = weighted(x, y, w);
            double change = 0;
            for (int j = 0; j < next.beta.length; j++) {
                change = Math.max(change, Math.abs(next.beta[j] - fit.beta[j]));
            }
            fit = next;
            if (change < 1e-10) {
                break;
            }
        }
        return fit;
    }

    /** Weighted least squares: OLS without intercept on rows (1, xᵢ)·√wᵢ, yᵢ·√wᵢ. */
    private static Regression weighted(double[][] x, double[] y, double[] w) {
        double[][] xw = new double[x.length][];
        double[] yw = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            double root = Math.sqrt(w[i]);
            xw[i] = new double[x[i].length + 1];
            xw[i][0] = root;
            for (int j = 0; j < x[i].length; j++) {
                xw[i][j + 1] = x[i][j] * root;
            }
            yw[i] = y[i] * root;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(yw, xw);
        try {
            double variance = ols.estimateErrorVariance();
            return new Regression(ols.estimateRegressionParameters(), ols.estimateRegressionParametersVariance(), variance, variance, x.length);
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the predictors are collinear (a benchmark has the same score in every record, or two move together exactly)");
        }
    }

    private double[] residuals(double[][] x, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = y[i] - augmented(x[i]).dotProduct(MatrixUtils.createRealVector(beta));
        }
        return out;
    }

    /** The same fit, predicting with variance max(residual variance, {@code variance}). */
    public Regression withPredictionVariance(double variance) {
        return new Regression(beta, xtxInverse.getData(), residualVariance, Math.max(residualVariance, variance), n);
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
