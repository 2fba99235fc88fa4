package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code hardware}: chips × peak FLOP/s at the precision used × training seconds × utilization. */
public final class HardwareMethod {
    private HardwareMethod() {
    }

    public static MethodResult compute(ObjectNode node, ChipCatalogue catalogue) {
        Inputs inputs = new Inputs(node, "hardware");
        Chip chip = catalogue.require(inputs.text("chip", "accelerator name, e.g. H100 SXM"), "/chip");
        double count = inputs.positive("count", "number of accelerators");
        var hours = inputs.optionalPositive("hours", "training time in hours");
        var days = inputs.optionalPositive("days", "training time in days");
        if (hours.isPresent() && days.isPresent()) {
            throw new EstimateException("/days", "give the training time once: hours or days, not both",
                    "Delete one of 'hours' and 'days'.");
        }
        if (hours.isEmpty() && days.isEmpty()) {
            throw new EstimateException("", "missing input 'hours' or 'days' for method hardware",
                    "Add hours: <wall-clock training time> (or days: ...).");
        }
        double utilization = inputs.positive("utilization", "model FLOP utilization between 0 and 1");
        if (utilization > 1) {
            throw new EstimateException("/utilization", "utilization must be at most 1 (got " + Sci.input(utilization) + ")",
                    "Give it as a fraction: 40% is 0.4.");
        }
        Precision precision = precision(inputs);
        double peak = chip.peakFlops(precision).orElseThrow(() -> new EstimateException("/precision",
                "the chip catalogue (Epoch AI) gives no " + precision.key() + " peak for " + chip.name(),
                "It has: " + String.join(", ", chip.peak().keySet().stream().map(Precision::key).toList())
                        + ". Use one of those precisions."));
        double seconds = hours.map(h -> h * 3600).orElseGet(() -> days.get() * 86400);
        String time = hours.map(h -> Sci.input(h) + " h × 3600 s/h").orElseGet(() -> Sci.input(days.get()) + " d × 86400 s/d");
        double flop = count * peak * seconds * utilization;
        String formula = Sci.input(count) + " chips × " + Sci.scientific(peak) + " FLOP/s × " + time + " × " + Sci.input(utilization);
        return new MethodResult(flop, formula, List.of(
                "chip: " + chip.name() + ", peak " + precision.key() + " " + Sci.scientific(peak) + " FLOP/s (Epoch AI hardware data)"),
                null);
    }

    private static Precision precision(Inputs inputs) {
        var key = inputs.optionalText("precision");
        if (key.isEmpty()) {
            return Precision.DEFAULT;
        }
        return Precision.fromKey(key.get()).orElseThrow(() -> new EstimateException("/precision",
                "unknown precision '" + key.get() + "'",
                org.frontierregistry.tracker.validate.DidYouMean.phrase(key.get(), Precision.keys())
                        + "Use one of: " + String.join(", ", Precision.keys()) + "."));
    }
}
