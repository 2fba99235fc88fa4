package org.frontierregistry.tracker.trend;

/**
 * How the trends are computed. The seed is fixed so that the same records always give the same intervals,
 * byte for byte; more simulations or resamples only make the interval ends steadier.
 *
 * @param frontierTop a model is at the frontier when it is in the running top {@code frontierTop} by compute
 * @param simulations worlds drawn to turn each model's probability of being above into a count's interval
 * @param resamples   bootstrap resamples behind the growth rates' and the projections' intervals
 */
public record TrendSettings(int frontierTop, int simulations, int resamples, long seed) {
    public static final int FRONTIER_TOP = 10;
    public static final TrendSettings DEFAULTS = new TrendSettings(FRONTIER_TOP, 10_000, 2_000, 25);

    public TrendSettings {
        if (frontierTop < 1 || simulations < 1 || resamples < 1) {
            throw new IllegalArgumentException("frontierTop, simulations and resamples must be at least 1");
        }
    }

    public TrendSettings withFrontierTop(int top) {
        return new TrendSettings(top, simulations, resamples, seed);
    }
}
