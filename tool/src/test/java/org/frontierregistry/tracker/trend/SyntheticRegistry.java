package org.frontierregistry.tracker.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.frontierregistry.tracker.estimate.StatusRule;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.TrainingCompute;

/** Records made in memory for the trend tests: only the date, the headline compute and p_above matter. */
final class SyntheticRegistry {
    private final List<ModelRecord> records = new ArrayList<>();

    SyntheticRegistry add(String id, LocalDate date, Double flop, Double pAbove) {
        TrainingCompute tc = new TrainingCompute(List.of(), flop, null, null, null, pAbove, null);
        records.add(new ModelRecord(id, id, null, null, List.of("Lab"), null, date, List.of("Language"), null, null, null,
                null, null, null, tc, StatusRule.of(pAbove), null, null, null, null, null, null));
        return this;
    }

    List<ModelRecord> records() {
        return List.copyOf(records);
    }

    /**
     * {@code perYear} models a year from 2020 on, evenly spread, whose log10 compute is
     * {@code log10At2020 + log10(growth) × years} plus normal scatter of {@code scatter} (seeded).
     */
    static SyntheticRegistry compute(double log10At2020, double growth, double scatter, int years, int perYear, long seed) {
        SyntheticRegistry registry = new SyntheticRegistry();
        Random random = new Random(seed);
        int n = years * perYear;
        for (int i = 0; i < n; i++) {
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(Math.round(i * 365.25 / perYear));
            double t = Years.since(date);
            double log10 = log10At2020 + Math.log10(growth) * t + scatter * random.nextGaussian();
            registry.add(String.format(java.util.Locale.ROOT, "m%04d", i), date, Math.pow(10, log10), 1.0);
        }
        return registry;
    }
}
