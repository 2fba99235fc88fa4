package org.frontierregistry.tracker.estimate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One accelerator of the catalogue, as Epoch AI's hardware dataset describes it.
 *
 * @param name        Epoch's exact hardware name
 * @param peak        peak FLOP/s (OP/s for int8) per precision, only those Epoch gives
 * @param releaseDate may be null (Epoch leaves it empty for some chips)
 * @param priceUsd    release price in US dollars, may be null
 */
public record Chip(String name, String manufacturer, LocalDate releaseDate, Map<Precision, Double> peak, Double priceUsd) {
    public Chip {
        peak = new TreeMap<>(peak);
    }

    public Optional<Double> peakFlops(Precision precision) {
        return Optional.ofNullable(peak.get(precision));
    }
}
