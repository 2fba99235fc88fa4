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

    /** Random draws a report may take for its counts, and again for its bootstrap, before it uses fewer rounds. */
    static final long DRAW_BUDGET = 5_000_000;

    /**
     * The settings for {@code models} counted models: all the simulations and resamples asked for while they fit
     * the draw budget (any registry of up to 500 models), fewer for larger ones, but never under 1,000 simulations
     * and 500 resamples, so that 10,000 records add well under a second to a build.
     */
    TrendSettings forModels(int models) {
        long n = Math.max(1, models);
        int sims = (int) Math.max(Math.min(simulations, 1_000), Math.min(simulations, DRAW_BUDGET / n));
        int draws = (int) Math.max(Math.min(resamples, 500), Math.min(resamples, DRAW_BUDGET / (2 * n)));
        return new TrendSettings(frontierTop, sims, draws, seed);
    }

    public TrendSettings withFrontierTop(int top) {
        return new TrendSettings(top, simulations, resamples, seed);
    }
}
