package org.frontierregistry.tracker.imputation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Training tables generated from a known relation, for tests of the arithmetic (not data). */
public final class SyntheticTables {
    /** log10 FLOP = 21 + 0.3·years since 2020 + 0.8·(ECI − 100)/10 + noise. */
    public static double truth(LocalDate date, double eci) {
        return 21 + 0.3 * Form.years(date) + 0.8 * Predictor.EPOCH_CAPABILITIES_INDEX.feature(eci);
    }

    private SyntheticTables() {
    }

    /**
     * @param n     rows
     * @param noise sd of the normal error added to log10 FLOP
     */
    public static TrainingTable eciTable(int n, double noise, long seed) {
        Random random = new Random(seed);
        List<TrainingRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(5 * 365));
            double eci = 90 + 60 * random.nextDouble();
            double log10 = truth(date, eci) + noise * random.nextGaussian();
            rows.add(new TrainingRow(String.format("m%03d", i), "Model " + i, date, Math.pow(10, log10), "Confident", "synthetic",
                    Map.of(Predictor.EPOCH_CAPABILITIES_INDEX.key(), eci)));
        }
        return new TrainingTable(rows);
    }
}
