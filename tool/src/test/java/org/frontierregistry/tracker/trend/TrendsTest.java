package org.frontierregistry.tracker.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendsTest {
    private static final TrendSettings ALL_AT_THE_FRONTIER = TrendSettings.DEFAULTS.withFrontierTop(100_000);

    @Test
    void theFrontierFitRecoversAKnownGrowthRateWithinItsInterval() {
        // 4x a year, scatter of a factor 1.6 (0.2 in log10), 24 models a year for 6 years.
        SyntheticRegistry registry = SyntheticRegistry.compute(23, 4.0, 0.2, 6, 24, 7);

        TrendReport report = Trends.of(registry.records(), LocalDate.of(2025, 12, 31), ALL_AT_THE_FRONTIER);

        Growth g = report.frontierGrowth();
        assertEquals(144, g.points());
        assertEquals(4.0, g.perYear(), 0.2);
        assertTrue(g.low() < 4.0 && 4.0 < g.high(), "the 90% interval holds the true rate: " + g);
        assertTrue(g.high() / g.low() < 1.3, "144 points pin the rate down: " + g);
    }

    @Test
    void withoutScatterTheFitIsExactAndTheIntervalClosesOnIt() {
        SyntheticRegistry registry = SyntheticRegistry.compute(24, 5.0, 0, 4, 12, 1);

        Growth g = Trends.of(registry.records(), LocalDate.of(2023, 12, 31), ALL_AT_THE_FRONTIER).frontierGrowth();

        assertEquals(5.0, g.perYear(), 1e-9);
        assertEquals(5.0, g.low(), 1e-9);
        assertEquals(5.0, g.high(), 1e-9);
    }

    @Test
    void theCountFitRecoversAKnownGrowthOfModelsCrossingTheLine() {
        // Models crossing per quarter ~ Poisson(6 × 2^years) over 2020-2025, each above with probability 1.
        SyntheticRegistry registry = new SyntheticRegistry();
        Random random = new Random(11);
        int id = 0;
        for (Quarter q = new Quarter(2020, 1); q.compareTo(new Quarter(2025, 4)) <= 0; q = q.plus(1)) {
            long n = poisson(random, 6 * Math.pow(2, q.midYear()));
            for (int i = 0; i < n; i++) {
                registry.add("m" + id++, q.firstDay().plusDays(i % 90), 2e25, 1.0);
            }
        }
        // The newest record closes the window: its quarter counts as partly searched.
        registry.add("newest", LocalDate.of(2026, 1, 5), 2e25, 1.0);

        TrendReport report = Trends.of(registry.records(), LocalDate.of(2026, 1, 10), TrendSettings.DEFAULTS);

        Growth g = report.countGrowth();
        assertEquals("2020-Q1", g.from());
        assertEquals("2025-Q4", g.to());
        assertEquals(24, g.points());
        assertEquals(2.0, g.perYear(), 0.15);
        assertTrue(g.low() < 2.0 && 2.0 < g.high(), "the 90% interval holds the true rate: " + g);
    }

    @Test
    void theExpectedCountIsTheSumOfTheProbabilitiesAndTheIntervalSurroundsIt() {
        SyntheticRegistry registry = new SyntheticRegistry()
                .add("a", LocalDate.of(2024, 1, 10), 2e25, 0.97)
                .add("b", LocalDate.of(2024, 2, 10), 1.2e25, 0.55)
                .add("c", LocalDate.of(2024, 3, 10), 8e24, 0.4)
                .add("d", LocalDate.of(2024, 5, 1), 5e24, 0.1)
                .add("e", LocalDate.of(2024, 8, 1), 3e25, 0.75)
                .add("f", LocalDate.of(2024, 8, 2), 9e24, 0.45)
                .add("no-estimate", LocalDate.of(2024, 8, 3), null, null);

        TrendReport report = Trends.of(registry.records(), LocalDate.of(2024, 9, 30), TrendSettings.DEFAULTS);

        assertEquals(List.of("2024-Q1", "2024-Q2", "2024-Q3"), report.quarters().stream().map(q -> q.quarter().toString()).toList());
        assertEquals(0.97 + 0.55 + 0.4, report.quarters().get(0).expected(), 1e-12);
        assertEquals(0.1, report.quarters().get(1).expected(), 1e-12);
        assertEquals(0.75 + 0.45, report.quarters().get(2).expected(), 1e-12);
        assertEquals(0.97 + 0.55 + 0.4 + 0.1 + 0.75 + 0.45, report.quarters().get(2).cumulativeExpected(), 1e-12);
        assertEquals(List.of("no-estimate"), report.notCounted());
        assertEquals(6, report.counted());
        for (QuarterCount q : report.quarters()) {
            assertTrue(q.low() <= q.expected() && q.expected() <= q.high(), q.toString());
            assertTrue(q.cumulativeLow() <= q.cumulativeExpected() && q.cumulativeExpected() <= q.cumulativeHigh(), q.toString());
        }
        // Quarter 1 holds three models: a (almost surely above), b and c (coin tosses): between 1 and 3.
        assertEquals(1, report.quarters().get(0).low());
        assertEquals(3, report.quarters().get(0).high());
    }

    @Test
    void certainModelsGiveAnExactCountWithNoSpread() {
        SyntheticRegistry registry = new SyntheticRegistry()
                .add("a", LocalDate.of(2024, 1, 10), 2e25, 1.0)
                .add("b", LocalDate.of(2024, 4, 10), 2e25, 1.0)
                .add("c", LocalDate.of(2024, 4, 11), 2e24, 0.0);

        QuarterCount last = Trends.of(registry.records(), LocalDate.of(2024, 6, 30), TrendSettings.DEFAULTS).quarters().get(1);

        assertEquals(new QuarterCount(new Quarter(2024, 2), true, false, 1.0, 1, 1, 2.0, 2, 2), last);
    }

    @Test
    void theSameRecordsGiveTheSameReport() {
        SyntheticRegistry registry = SyntheticRegistry.compute(23, 3.0, 0.3, 5, 20, 3);
        LocalDate day = LocalDate.of(2024, 11, 30);

        assertEquals(Trends.of(registry.records(), day, TrendSettings.DEFAULTS), Trends.of(registry.records(), day, TrendSettings.DEFAULTS));
    }

    @Test
    void quartersAfterTheNewestRecordAreNotReadAsEmptyAndTheProjectionIsAheadOfTheAsOfDay() {
        SyntheticRegistry registry = new SyntheticRegistry();
        for (int i = 0; i < 40; i++) {
            registry.add("m" + i, LocalDate.of(2022, 1, 15).plusDays(i * 25L), 2e25, 0.9);
        }
        TrendReport report = Trends.of(registry.records(), LocalDate.of(2026, 11, 30), TrendSettings.DEFAULTS);

        // Newest record 2024-09-27 (2024-Q3): the count is fitted up to 2024-Q2 only.
        assertEquals("2024-Q2", report.countGrowth().to());
        assertTrue(report.quarters().stream().filter(q -> q.quarter().compareTo(new Quarter(2024, 2)) > 0).noneMatch(QuarterCount::fitted));
        assertEquals(LocalDate.of(2027, 9, 30), report.projections().get(0).date());
        assertEquals(LocalDate.of(2028, 9, 30), report.projections().get(1).date());
        for (Projection p : report.projections()) {
            assertTrue(p.countLow() <= p.countExpected() && p.countExpected() <= p.countHigh(), p.toString());
            assertTrue(p.countExpected() > 36, "the trend adds models in the unsearched quarters: " + p);
        }
    }

    @Test
    void frontierIsTheRunningTopNAtRelease() {
        SyntheticRegistry registry = new SyntheticRegistry()
                .add("big", LocalDate.of(2023, 1, 1), 1e25, 0.5)
                .add("small", LocalDate.of(2023, 2, 1), 1e24, 0.0)
                .add("bigger", LocalDate.of(2023, 3, 1), 3e25, 0.9)
                .add("second", LocalDate.of(2023, 4, 1), 2e25, 0.8)
                .add("same-day-low", LocalDate.of(2023, 5, 1), 1.5e25, 0.6)
                .add("same-day-high", LocalDate.of(2023, 5, 1), 4e25, 0.95);

        TrendReport report = Trends.of(registry.records(), LocalDate.of(2023, 12, 31), TrendSettings.DEFAULTS.withFrontierTop(2));

        // small is in the top two of the only two models so far (the burn-in docs/methodology.md warns of);
        // second is second to bigger; on 1 May, same-day-high pushes same-day-low to third.
        assertEquals(List.of("big", "small", "bigger", "second", "same-day-high"), report.frontier());
        // The sensitivity fits: the running top 1 is big, bigger and same-day-high (three points, two slopes apart).
        assertEquals(3, report.frontierByTop().get(1).points());
        assertEquals(6, report.frontierByTop().get(20).points(), "every model when the top is larger than the registry");
    }

    @Test
    void largeRegistriesUseFewerRoundsWithinAFloorAndTheReportSaysHowMany() {
        assertEquals(TrendSettings.DEFAULTS, TrendSettings.DEFAULTS.forModels(500), "a registry of today's size: all rounds");
        assertEquals(new TrendSettings(10, 2_000, 1_000, 25), TrendSettings.DEFAULTS.forModels(2_500));
        assertEquals(new TrendSettings(10, 1_000, 500, 25), TrendSettings.DEFAULTS.forModels(100_000), "the floor");

        SyntheticRegistry large = SyntheticRegistry.compute(23, 3.0, 0.3, 5, 520, 5);
        TrendReport report = Trends.of(large.records(), LocalDate.of(2024, 12, 31), TrendSettings.DEFAULTS);
        assertEquals(2_600, report.counted());
        assertEquals(1_923, report.settings().simulations());
        assertEquals(961, report.settings().resamples());
    }

    @Test
    void theSitesSummaryGivesBothRatesAndTheirIntervalsInOneSentence() {
        TrendReport report = new TrendReport(LocalDate.of(2026, 1, 1), TrendSettings.DEFAULTS, 0, List.of(), List.of(), List.of(),
                new Growth(4.21, 2.94, 6.05, 36, "2022-03-15", "2025-08-07"), new Growth(2.4, 1.87, 3.1, 15, "2022-Q1", "2025-Q3"), List.of(), Map.of());

        assertEquals("Frontier training compute (the running top 10 by compute at release; 36 models, 2022-03-15 to 2025-08-07) "
                + "grew about 4.2× a year (90% interval 2.9× to 6.1×); the number of models crossing 1e25 FLOP per quarter "
                + "grew about 2.4× a year (90% interval 1.9× to 3.1×; quarters 2022-Q1 to 2025-Q3).", TrendSentences.growth(report));
    }

    @Test
    void tooFewModelsGiveNoFitRatherThanANumber() {
        SyntheticRegistry registry = new SyntheticRegistry().add("only", LocalDate.of(2024, 5, 1), 2e25, 0.9);

        TrendReport report = Trends.of(registry.records(), LocalDate.of(2024, 12, 31), TrendSettings.DEFAULTS);

        assertNull(report.frontierGrowth());
        assertNull(report.countGrowth());
        assertNull(report.projections().get(0).countExpected());
        assertEquals(0.9, report.quarters().get(0).expected());
        TrendReport empty = Trends.of(List.of(), LocalDate.of(2024, 12, 31), TrendSettings.DEFAULTS);
        assertEquals(List.of(), empty.quarters());
        assertNotNull(TrendSentences.frontier(empty));
    }

    private static long poisson(Random random, double mean) {
        long k = 0;
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }
}
