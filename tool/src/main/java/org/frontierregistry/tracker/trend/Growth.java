package org.frontierregistry.tracker.trend;

/**
 * A fitted growth rate: the factor per year and the ends of its 90% bootstrap interval.
 *
 * @param points how many points the fit used (models, or quarters)
 * @param from   the first point's label (a date or a quarter)
 * @param to     the last point's label
 */
public record Growth(double perYear, double low, double high, int points, String from, String to) {
}
