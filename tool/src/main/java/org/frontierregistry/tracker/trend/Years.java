package org.frontierregistry.tracker.trend;

import java.time.LocalDate;

/** The time axis of every fit: years (of 365.25 days) since 2020-01-01. */
final class Years {
    private static final long ORIGIN = LocalDate.of(2020, 1, 1).toEpochDay();

    private Years() {
    }

    static double since(LocalDate date) {
        return (date.toEpochDay() - ORIGIN) / 365.25;
    }
}
