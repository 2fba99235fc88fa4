package org.frontierregistry.tracker.discover;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.scrape.SourceText;

/**
 * Epoch AI's screen for new models, with the thresholds read from the registry's own records. A new model is
 * proposed when any of these holds:
 * <ol>
 * <li>its estimate gives P(compute &gt; 1e25) at or over the floor;</li>
 * <li>it scores at least as well as the weakest model known to be over 1e25 (a published record: status above
 * or likely_above) on a benchmark both have;</li>
 * <li>it is the flagship successor of a tracked model above the line: same developer and line, a newer
 * version, the same or a higher tier.</li>
 * </ol>
 * Everything else is reported with the reason. A model only a news feed names is always reported: a post
 * says a model exists, not what it is. A stated size that rules 1e25 out (6 × N × 60e12 tokens under it)
 * outweighs every rule unless the estimate rests on a Confident or Likely figure.
 */
public final class Screen {
    /** Generous upper bound on pre-training tokens: 6 × N × this below 1e25 rules a model out. */
    public static final double MAX_PLAUSIBLE_TOKENS = 60e12;
    public static final double DEFAULT_FLOOR = 0.05;

    /** The decision: proposed (with every rule that holds) or reported (with why no rule holds). */
    public record Verdict(boolean propose, List<String> rules, String reason) {
        public Verdict {
            rules = List.copyOf(rules);
        }
    }

    /** The weakest published record's score on one benchmark. */
    record Bar(double score, String recordName) {
    }

    private final double floor;
    private final Set<String> leadSources;
    private final Map<String, Bar> bars = new TreeMap<>();
    private final List<ModelRecord> aboveLine = new ArrayList<>();

    public Screen(List<ModelRecord> records, double floor, Set<String> leadSources) {
        this.floor = floor;
        this.leadSources = Set.copyOf(leadSources);
        for (ModelRecord r : records) {
            if (r.status() == null || !r.status().isPublished()) {
                continue;
            }
            aboveLine.add(r);
            r.benchmarks().forEach((b, score) -> {
                Bar bar = bars.get(b);
                if (bar == null || score < bar.score()) {
                    bars.put(b, new Bar(score, r.name()));
                }
            });
        }
        aboveLine.sort(Comparator.comparing(ModelRecord::id));
    }

    public double floor() {
        return floor;
    }

    /**
     * The tracked above-line model this one succeeds: same developer and line, an older version, a tier no
     * higher than this one's, and (where both sizes are stated) no more parameters than this one. A model
     * whose stated size rules 1e25 out succeeds nothing. The latest such version wins (then the higher tier, then the id).
     */
    public Optional<ModelRecord> predecessor(Evidence e) {
        ModelLine line = VariantRules.line(e.name());
        if (line == null || sizeRulesOut(e) != null) {
            return Optional.empty();
        }
        Evidence.Fact<Double> size = e.parameters();
        ModelRecord best = null;
        ModelLine bestLine = null;
        for (ModelRecord r : aboveLine) {
            if (r.organizations().stream().noneMatch(e.allOrganizations()::contains)) {
                continue;
            }
            ModelLine theirs = VariantRules.line(r.name());
            if (theirs == null || !theirs.sameLine(line) || !line.newerThan(theirs) || line.tier() < theirs.tier()) {
                continue;
            }
            if (size != null && r.parameters() != null && size.value() < r.parameters()) {
                continue; // a smaller model of the line is not its flagship
            }
            if (best == null || theirs.newerThan(bestLine) || (!bestLine.newerThan(theirs) && theirs.tier() > bestLine.tier())) {
                best = r;
                bestLine = theirs;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * @param computeKnown the estimate rests on a Confident or Likely figure, or on benchmark imputation from the
     *                     model's own scores: then its p_above decides alone, because the other two rules only
     *                     stand in for a compute nobody could estimate from the evidence
     * @param figureKnown  the estimate rests on a Confident or Likely figure: then even a stated size that rules
     *                     1e25 out does not override it
     */
    public Verdict decide(Evidence e, Double pAbove, boolean computeKnown, boolean figureKnown,
                          Optional<ModelRecord> predecessor) {
        if (e.onlyFrom(leadSources)) {
            return new Verdict(false, List.of(), "only a news post names it (" + e.main().evidence()
                    + "); a lead, never enough alone: no other source lists it yet");
        }
        String floorText = String.format(Locale.ROOT, "%.2f", floor);
        String ruledOut = figureKnown ? null : sizeRulesOut(e);
        if (ruledOut != null) {
            return new Verdict(false, List.of(), ruledOut + (pAbove == null ? "" : "; a stated size outweighs the estimate's p_above "
                    + p(pAbove) + ", which rests on no Confident or Likely figure"));
        }
        if (computeKnown && pAbove != null) {
            return pAbove >= floor
                    ? new Verdict(true, List.of("its estimate gives p_above " + p(pAbove) + ", at or over the floor " + floorText),
                            "its estimate gives p_above " + p(pAbove) + ", at or over the floor " + floorText)
                    : new Verdict(false, List.of(), "its estimate (a Confident or Likely figure, or imputation from its own"
                            + " scores) gives p_above " + p(pAbove) + ", under the floor " + floorText + " (a raw score comparison"
                            + " and succession only stand in for a compute the evidence cannot estimate)");
        }
        List<String> rules = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        if (pAbove != null && pAbove >= floor) {
            rules.add("its estimate gives p_above " + p(pAbove) + ", at or over the floor " + floorText);
        } else {
            misses.add(pAbove == null ? "no estimate" : "p_above " + p(pAbove) + " under the floor " + floorText);
        }
        predecessor.ifPresentOrElse(r -> rules.add("it is the flagship successor of " + r.name() + " (" + r.id()
                        + ", " + r.status().key() + "): same developer and line, a newer version, the same or a higher tier"),
                () -> misses.add("not a newer version of a tracked above-line model of the same line and tier"));
        List<String> passed = new ArrayList<>();
        List<String> below = new ArrayList<>();
        e.benchmarks().forEach((b, fact) -> {
            Bar bar = bars.get(b);
            if (bar == null) {
                return;
            }
            String text = b + " " + score(fact.value()) + " (" + fact.from().source() + ")";
            (fact.value() >= bar.score() ? passed : below).add(text + (fact.value() >= bar.score() ? " ≥ " : " < ")
                    + score(bar.score()) + " of " + bar.recordName());
        });
        if (!passed.isEmpty()) {
            rules.add("it scores at least as well as the weakest model known to be over 1e25: " + String.join("; ", passed));
        } else if (!below.isEmpty()) {
            misses.add("below the weakest model over 1e25 on every shared benchmark (" + String.join("; ", below) + ")");
        } else {
            misses.add("no benchmark score shared with a model over 1e25");
        }
        if (!rules.isEmpty() && pAbove == null) {
            return new Verdict(false, List.of(), String.join("; and ", rules) + "; but no estimate could be made from the"
                    + " evidence (no compute figure, no size with tokens, and benchmark imputation has too few records of"
                    + " known compute sharing its benchmarks), and a proposal must carry one");
        }
        if (!rules.isEmpty()) {
            return new Verdict(true, rules, String.join("; and ", rules));
        }
        return new Verdict(false, List.of(), String.join("; ", misses));
    }

    /** Why the stated size rules 1e25 out (6 × N × 60e12 tokens below it), or null. */
    static String sizeRulesOut(Evidence e) {
        Evidence.Fact<Double> active = e.activeParameters();
        Evidence.Fact<Double> total = e.parameters();
        Evidence.Fact<Double> n = active != null ? active : total;
        if (n == null || 6 * n.value() * MAX_PLAUSIBLE_TOKENS >= 1e25) {
            return null;
        }
        return SourceText.sci(n.value()) + (active != null ? " active" : "") + " parameters (" + n.from().source()
                + ") would need more than 60e12 training tokens to reach 1e25 FLOP";
    }

    /** A score as people write it: 50.4, 1210, 88.7. */
    static String score(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    private static String p(double p) {
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
