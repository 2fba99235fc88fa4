package org.frontierregistry.tracker.trend;

import static org.frontierregistry.tracker.concurrent.Futures.joined;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;

/**
 * The trends of the registry as of a day (docs/methodology.md, "Trends"): models above the line by quarter,
 * counted by probability; the growth of frontier compute (running top N) and of the count crossing the line per
 * quarter, each with a bootstrap 90% interval; and a projection one and two years ahead. Deterministic: every
 * random draw comes from generators seeded from {@link TrendSettings#seed()}.
 */
public final class Trends {
    /** Projection horizons, in years after the last complete quarter. */
    public static final List<Integer> HORIZONS = List.of(1, 2);
    /** Sizes of the running top the frontier growth is also fitted with, to show its sensitivity. */
    public static final List<Integer> SENSITIVITY_TOPS = List.of(1, 3, 5, 10, 20);

    private Trends() {
    }

    /**
     * What the trends are computed from: the models counted, by publication date then id, and the ids of those
     * published by the as-of day that have no p_above yet.
     */
    public record Inputs(List<ModelPoint> models, List<String> notCounted) {
        public Inputs {
            models = List.copyOf(models);
            notCounted = List.copyOf(notCounted);
        }
    }

    public static Inputs inputs(List<ModelRecord> records, LocalDate asOf) {
        List<ModelPoint> models = new ArrayList<>();
        List<String> notCounted = new ArrayList<>();
        records.stream()
                .filter(r -> r.status() != Status.REJECTED && r.publicationDate() != null && !r.publicationDate().isAfter(asOf))
                .sorted(Comparator.comparing(ModelRecord::publicationDate).thenComparing(ModelRecord::id))
                .forEach(r -> {
                    Double p = r.trainingCompute() == null ? null : r.trainingCompute().pAbove();
                    if (p == null) {
                        notCounted.add(r.id());
                    } else {
                        models.add(new ModelPoint(r.id(), r.publicationDate(), p, r.headlineFlop()));
                    }
                });
        return new Inputs(models, notCounted);
    }

    public static TrendReport of(List<ModelRecord> records, LocalDate asOf, TrendSettings asked) {
        return of(inputs(records, asOf), asOf, asked);
    }

    public static TrendReport of(Inputs inputs, LocalDate asOf, TrendSettings asked) {
        List<ModelPoint> models = inputs.models();
        List<String> notCounted = inputs.notCounted();
        TrendSettings settings = asked.forModels(models.size());
        Quarter current = Quarter.of(asOf);
        Quarter lastComplete = current.lastDay().equals(asOf) ? current : current.plus(-1);
        List<Quarter> quarters = new ArrayList<>();
        if (!models.isEmpty()) {
            for (Quarter q = models.get(0).quarter(); q.compareTo(current) <= 0; q = q.plus(1)) {
                quarters.add(q);
            }
        }
        // Quarters after the newest record's are unexplored rather than empty; its own is likely explored in part.
        Quarter fitEnd = models.isEmpty() ? lastComplete : min(lastComplete, models.get(models.size() - 1).quarter().plus(-1));
        // The simulated worlds draw from their own stream and the fits below do not need them, so they run beside.
        CompletableFuture<List<QuarterCount>> counting = CompletableFuture.supplyAsync(() ->
                CountSimulation.run(models, quarters, lastComplete, fitEnd, settings.simulations(), random(settings, 0)));

        List<ModelPoint> frontier = Frontier.runningTop(models, settings.frontierTop());
        FrontierFit frontierFit = frontierFit(frontier, settings);
        CountFit countFit = countFit(models, quarters, fitEnd, lastComplete, settings);
        List<Projection> projections = new ArrayList<>();
        for (int i = 0; i < HORIZONS.size(); i++) {
            int years = HORIZONS.get(i);
            LocalDate day = lastComplete.plus(4 * years).lastDay();
            double year = Years.since(day.plusDays(1));
            Double flop = null;
            Double flopLow = null;
            Double flopHigh = null;
            if (frontierFit != null) {
                flop = StrictMath.pow(10, frontierFit.line.at(year));
                double[] ends = new double[frontierFit.replicates.size()];
                for (int r = 0; r < ends.length; r++) {
                    ends[r] = frontierFit.replicates.get(r).at(year);
                }
                Quantiles q = Quantiles.of(ends);
                flopLow = StrictMath.pow(10, q.low());
                flopHigh = StrictMath.pow(10, q.high());
            }
            projections.add(countFit == null
                    ? new Projection(years, day, null, null, null, flop, flopLow, flopHigh)
                    : new Projection(years, day, countFit.central[i], (int) countFit.intervals.get(i).low(),
                            (int) countFit.intervals.get(i).high(), flop, flopLow, flopHigh));
        }
        Map<Integer, Growth> byTop = new TreeMap<>();
        for (int top : SENSITIVITY_TOPS) {
            FrontierFit fit = top == settings.frontierTop() ? frontierFit : frontierFit(Frontier.runningTop(models, top), settings);
            byTop.put(top, fit == null ? null : fit.growth);
        }
        List<QuarterCount> counts = joined(counting);
        return new TrendReport(asOf, settings, models.size(), notCounted, counts,
                frontier.stream().map(ModelPoint::id).toList(), frontierFit == null ? null : frontierFit.growth,
                countFit == null ? null : countFit.growth, projections, byTop);
    }

    /** The fitted line, its bootstrap replicates, and the growth factor (10^slope) with its interval. */
    private record FrontierFit(Line line, List<Line> replicates, Growth growth) {
    }

    /** A pairs bootstrap: resample the frontier models with replacement and refit. */
    private static FrontierFit frontierFit(List<ModelPoint> frontier, TrendSettings settings) {
        Optional<Line> line = LogLinearFit.fit(frontier);
        if (line.isEmpty()) {
            return null;
        }
        RandomGenerator random = random(settings, 1);
        List<Line> replicates = new ArrayList<>();
        for (int r = 0; r < settings.resamples(); r++) {
            List<ModelPoint> sample = new ArrayList<>(frontier.size());
            for (int i = 0; i < frontier.size(); i++) {
                sample.add(frontier.get(random.nextInt(frontier.size())));
            }
            LogLinearFit.fit(sample).ifPresent(replicates::add);
        }
        Quantiles slope = Quantiles.of(replicates.stream().mapToDouble(Line::slope).toArray());
        Growth growth = new Growth(StrictMath.pow(10, line.get().slope()), StrictMath.pow(10, slope.low()),
                StrictMath.pow(10, slope.high()), frontier.size(), frontier.get(0).date().toString(),
                frontier.get(frontier.size() - 1).date().toString());
        return new FrontierFit(line.get(), replicates, growth);
    }

    /** The count growth (exp(slope)) and the cumulative count projected to each horizon, central and 90%. */
    private record CountFit(Growth growth, double[] central, List<Quantiles> intervals) {
    }

    /**
     * The Poisson trend through the expected count per complete quarter. Its interval and the projection's come
     * from a bootstrap that resamples the models with replacement and, in each resample, puts each model above
     * the line with its own probability; the projection then adds Poisson draws for each future quarter.
     */
    private static CountFit countFit(List<ModelPoint> models, List<Quarter> quarters, Quarter fitEnd,
                                     Quarter lastComplete, TrendSettings settings) {
        int fittedCount = (int) quarters.stream().filter(q -> q.compareTo(fitEnd) <= 0).count();
        if (fittedCount == 0) {
            return null;
        }
        List<Quarter> fitted = quarters.subList(0, fittedCount);
        double[] expected = Arrays.copyOf(CountSimulation.expected(models, quarters), fittedCount);
        Quarter first = fitted.get(0);
        double[] years = fitted.stream().mapToDouble(Quarter::midYear).toArray();
        Optional<Line> line = PoissonTrend.fit(years, expected);
        if (line.isEmpty()) {
            return null;
        }
        double observed = 0;
        for (double e : expected) {
            observed += e;
        }
        double[] central = new double[HORIZONS.size()];
        for (int h = 0; h < HORIZONS.size(); h++) {
            central[h] = observed + futureRate(line.get(), fitEnd, lastComplete.plus(4 * HORIZONS.get(h)));
        }
        List<ModelPoint> inWindow = models.stream().filter(m -> m.quarter().compareTo(fitEnd) <= 0).toList();
        int[] quarterOf = inWindow.stream().mapToInt(m -> first.until(m.quarter())).toArray();
        double[] p = inWindow.stream().mapToDouble(ModelPoint::pAbove).toArray();
        RandomGenerator random = random(settings, 2);
        List<Double> slopes = new ArrayList<>();
        List<List<Double>> projected = new ArrayList<>();
        HORIZONS.forEach(h -> projected.add(new ArrayList<>()));
        for (int r = 0; r < settings.resamples(); r++) {
            double[] perQuarter = new double[years.length];
            int above = 0;
            for (int i = 0; i < p.length; i++) {
                int drawn = random.nextInt(p.length);
                if (random.nextDouble() < p[drawn]) {
                    perQuarter[quarterOf[drawn]]++;
                    above++;
                }
            }
            Optional<Line> replicate = PoissonTrend.fit(years, perQuarter);
            if (replicate.isEmpty()) {
                continue;
            }
            slopes.add(replicate.get().slope());
            for (int h = 0; h < HORIZONS.size(); h++) {
                double future = 0;
                Quarter horizon = lastComplete.plus(4 * HORIZONS.get(h));
                for (Quarter q = fitEnd.plus(1); q.compareTo(horizon) <= 0; q = q.plus(1)) {
                    double mean = StrictMath.exp(replicate.get().at(q.midYear()));
                    future += draw(random, mean);
                }
                projected.get(h).add(above + future);
            }
        }
        if (slopes.isEmpty()) {
            return null;
        }
        Quantiles slope = Quantiles.of(slopes.stream().mapToDouble(Double::doubleValue).toArray());
        Growth growth = new Growth(StrictMath.exp(line.get().slope()), StrictMath.exp(slope.low()),
                StrictMath.exp(slope.high()), fitted.size(), first.toString(), fitEnd.toString());
        List<Quantiles> intervals = projected.stream()
                .map(values -> Quantiles.ofCounts(values.stream().mapToDouble(Double::doubleValue).toArray())).toList();
        return new CountFit(growth, central, intervals);
    }

    /** One quarter's count from Poisson(mean); a mean beyond any plausible count is taken as it is. */
    private static double draw(RandomGenerator random, double mean) {
        if (!(mean < 1e6)) {
            return mean;
        }
        return new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    /** The expected number of models crossing the line in the quarters after {@code fitEnd} up to {@code horizon}. */
    private static double futureRate(Line line, Quarter fitEnd, Quarter horizon) {
        double sum = 0;
        for (Quarter q = fitEnd.plus(1); q.compareTo(horizon) <= 0; q = q.plus(1)) {
            sum += StrictMath.exp(line.at(q.midYear()));
        }
        return sum;
    }

    private static Quarter min(Quarter a, Quarter b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Separate streams for the count, frontier and projection draws, so a change to one leaves the others alone. */
    private static RandomGenerator random(TrendSettings settings, int stream) {
        return new Well19937c(new int[] {(int) settings.seed(), (int) (settings.seed() >>> 32), stream});
    }
}
