package org.frontierregistry.tracker.trend;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Ordinary least squares of log10(FLOP) on the publication date, in years: the slope is orders of magnitude a year. */
final class LogLinearFit {
    private LogLinearFit() {
    }

    /** Empty when the points do not fix a line (fewer than three, or all on one day). */
    static Optional<Line> fit(List<ModelPoint> points) {
        if (points.size() < 3 || allOnOneDay(points)) {
            return Optional.empty();
        }
        SimpleRegression ols = new SimpleRegression(true);
        for (ModelPoint p : points) {
            ols.addData(p.year(), StrictMath.log10(p.flop()));
        }
        return Optional.of(new Line(ols.getIntercept(), ols.getSlope()));
    }

    // A loop rather than a stream of distinct dates: the bootstrap asks this of thousands of resamples.
    private static boolean allOnOneDay(List<ModelPoint> points) {
        for (ModelPoint p : points) {
            if (!p.date().equals(points.get(0).date())) {
                return false;
            }
        }
        return true;
    }
}
