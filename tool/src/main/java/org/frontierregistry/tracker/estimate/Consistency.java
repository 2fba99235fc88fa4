package org.frontierregistry.tracker.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.TrainingCompute;

/**
 * Compares the derived values written in a record with the recomputed ones. The validator reports
 * the differences; {@code tracker estimate --write} applies them. A written value within tolerance is
 * left alone (so a second --write changes nothing and figures people wrote stay as written):
 * FLOP figures, spreads and interval ends within 1%, p_above within 0.01 and on the same side of
 * every cut-off, the rest exactly.
 */
public final class Consistency {
    public static final double RELATIVE_TOLERANCE = 0.01;
    public static final double PROBABILITY_TOLERANCE = 0.01;
    public static final int DIGITS = 4;

    private Consistency() {
    }

    /**
     * One derived value to fix.
     *
     * @param expected the value to write, or null to remove the field
     */
    public record Mismatch(String pointer, String code, Object expected, String message) {
    }

    public static List<Mismatch> of(RecordEstimate estimate) {
        List<Mismatch> out = new ArrayList<>();
        ModelRecord record = estimate.record();
        TrainingCompute tc = record.trainingCompute();
        for (EstimateResult r : estimate.results()) {
            if (r.recorded() != null && close(r.recorded(), r.flop())) {
                continue; // the usual case: no rounding or wording needed
            }
            double expected = Sci.round(r.flop(), DIGITS);
            String where = "estimate " + (r.index() + 1) + " (" + r.method().key() + ")";
            if (r.recorded() == null) {
                out.add(new Mismatch(r.pointer() + "/flop", "estimate-flop", expected,
                        where + " has no flop: it should be " + Sci.scientific(expected) + " (" + r.result().formula() + ")"));
            } else {
                out.add(new Mismatch(r.pointer() + "/flop", "estimate-flop", expected,
                        where + ": flop should be " + Sci.scientific(expected) + " (" + r.result().formula() + "), not "
                                + Sci.scientific(r.recorded())));
            }
        }
        Headline h = estimate.headline();
        int used = estimate.results().size();
        Supplier<String> combined = () -> h == null ? "" : "combining " + used + " estimate" + (used == 1 ? "" : "s");
        if (h == null) {
            for (String field : List.of("flop", "confidence", "log10_sd", "interval_90", "p_above", "method")) {
                if (present(tc, field)) {
                    out.add(new Mismatch("/training_compute/" + field, "headline", null,
                            "training_compute." + field + " is set but no estimate gives a headline; remove it"));
                }
            }
        } else {
            number(out, "flop", tc == null ? null : tc.flop(), h.flop(), combined);
            String confidence = h.confidence().name();
            if (tc == null || tc.confidence() == null || !confidence.equals(tc.confidence().name())) {
                out.add(new Mismatch("/training_compute/confidence", "headline", confidence, describe("confidence", confidence,
                        tc == null || tc.confidence() == null ? null : tc.confidence().name(), "the level whose spread covers log10 sd "
                                + Sci.fixed(h.log10Sd(), 3))));
            }
            number(out, "log10_sd", tc == null ? null : tc.log10Sd(), h.log10Sd(), combined);
            interval(out, tc, h);
            double p = StatusRule.storedProbability(h.pAbove());
            Double recordedP = tc == null ? null : tc.pAbove();
            if (recordedP == null || Math.abs(recordedP - h.pAbove()) > PROBABILITY_TOLERANCE
                    || StatusRule.of(recordedP) != StatusRule.of(h.pAbove())) {
                out.add(new Mismatch("/training_compute/p_above", "headline", p, describe("p_above", Sci.fixed(p, 3),
                        recordedP == null ? null : Sci.input(recordedP), "P(flop > 1e25) with log10 mean " + Sci.fixed(h.log10Mean(), 3)
                                + " and sd " + Sci.fixed(h.log10Sd(), 3))));
            }
            String method = h.method().key();
            if (tc == null || tc.method() == null || !method.equals(tc.method().key())) {
                out.add(new Mismatch("/training_compute/method", "headline", method, describe("method", method,
                        tc == null || tc.method() == null ? null : tc.method().key(), "the estimate with the most weight")));
            }
        }
        Status expected = estimate.expectedStatus();
        if (record.status() != expected) {
            String p = h == null ? "there is no usable estimate" : "p_above " + Sci.fixed(StatusRule.storedProbability(h.pAbove()), 3);
            String was = record.status() == null ? "missing" : "'" + record.status().key() + "'";
            out.add(new Mismatch("/status", "status", expected.key(), "status is " + was + " but " + p + " gives '"
                    + expected.key() + "' (" + StatusRule.explain(expected) + ")"
                    + (record.verified() ? "" : "; only a verified review with status_reasoning may set another status")));
        }
        return out;
    }

    private static void number(List<Mismatch> out, String field, Double recorded, double computed, Supplier<String> why) {
        if (recorded == null || !close(recorded, computed)) {
            double expected = Sci.round(computed, DIGITS);
            out.add(new Mismatch("/training_compute/" + field, "headline", expected, describe(field,
                    field.equals("flop") ? Sci.scientific(expected) : Sci.input(expected),
                    recorded == null ? null : (field.equals("flop") ? Sci.scientific(recorded) : Sci.input(recorded)), why.get())));
        }
    }

    private static void interval(List<Mismatch> out, TrainingCompute tc, Headline h) {
        List<Double> recorded = tc == null ? List.of() : tc.interval90();
        double lo = h.low90();
        double hi = h.high90();
        if (recorded.size() != 2 || !close(recorded.get(0), lo) || !close(recorded.get(1), hi)) {
            List<Double> expected = List.of(Sci.round(lo, DIGITS), Sci.round(hi, DIGITS));
            out.add(new Mismatch("/training_compute/interval_90", "headline", expected, describe("interval_90",
                    "[" + Sci.scientific(expected.get(0)) + ", " + Sci.scientific(expected.get(1)) + "]",
                    recorded.size() != 2 ? null : "[" + Sci.scientific(recorded.get(0)) + ", " + Sci.scientific(recorded.get(1)) + "]",
                    "10^(" + Sci.fixed(h.log10Mean(), 3) + " ± 1.645 × " + Sci.fixed(h.log10Sd(), 3) + ")")));
        }
    }

    private static String describe(String field, String expected, String recorded, String why) {
        return "training_compute." + field + (recorded == null ? " is missing: it" : "") + " should be " + expected
                + " (" + why + ")" + (recorded == null ? "" : ", not " + recorded);
    }

    static boolean close(double recorded, double computed) {
        return Math.abs(recorded - computed) <= RELATIVE_TOLERANCE * Math.abs(computed);
    }

    private static boolean present(TrainingCompute tc, String field) {
        if (tc == null) {
            return false;
        }
        return switch (field) {
            case "flop" -> tc.flop() != null;
            case "confidence" -> tc.confidence() != null;
            case "log10_sd" -> tc.log10Sd() != null;
            case "interval_90" -> !tc.interval90().isEmpty();
            case "p_above" -> tc.pAbove() != null;
            case "method" -> tc.method() != null;
            default -> false;
        };
    }
}
