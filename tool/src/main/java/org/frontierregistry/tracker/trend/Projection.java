package org.frontierregistry.tracker.trend;

import java.time.LocalDate;

/**
 * Where the fitted trends lead if they hold: a projection, not a forecast. Null fields when the trend could not be
 * fitted.
 *
 * @param date          the end of the quarter {@code yearsAhead} years after the last complete quarter
 * @param countExpected the cumulative count of models above the line by that day (central trend)
 * @param countLow      ends of its 90% interval (bootstrap, with the chance variation of future quarters)
 * @param frontierFlop  the frontier trend line's compute on that day (central fit), with its 90% interval
 */
public record Projection(int yearsAhead, LocalDate date, Double countExpected, Integer countLow, Integer countHigh,
                         Double frontierFlop, Double frontierLow, Double frontierHigh) {
}
