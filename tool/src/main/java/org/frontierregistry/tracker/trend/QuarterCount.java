package org.frontierregistry.tracker.trend;

/**
 * Models above the line published in one quarter, and up to its end, each model counted by its probability of
 * being above: {@code expected} is the sum of those probabilities; low and high the 90% interval of the count.
 *
 * @param complete false for the quarter that was still running on the as-of day
 * @param fitted   whether the count trend is fitted over this quarter: complete, and before the quarter of the
 *                 newest record (the registry has not looked for models beyond it, so later zeros are not news)
 */
public record QuarterCount(Quarter quarter, boolean complete, boolean fitted, double expected, int low, int high,
                           double cumulativeExpected, int cumulativeLow, int cumulativeHigh) {
}
