package org.frontierregistry.tracker.trend;

import java.time.LocalDate;

/**
 * One model as the trends see it.
 *
 * @param pAbove the record's p_above: the probability, under its lognormal interval, that its compute exceeds 1e25
 * @param flop   the headline (central) training compute, or null when the record has none
 */
public record ModelPoint(String id, LocalDate date, double pAbove, Double flop) {
    public Quarter quarter() {
        return Quarter.of(date);
    }

    double year() {
        return Years.since(date);
    }
}
