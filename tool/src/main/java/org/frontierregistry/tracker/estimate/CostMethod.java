package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code cost}: dollars ÷ dollars per FLOP. The price of a FLOP is either given, or derived from the
 * chip's release price in Epoch AI's hardware data, amortised over {@link #AMORTIZATION_YEARS} years,
 * times {@link #CLUSTER_OVERHEAD} for the rest of the cluster, at {@link #UTILIZATION} of the bf16 peak.
 * These are rough, documented assumptions (docs/methodology.md); cost estimates are Speculative.
 */
public final class CostMethod {
    public static final double AMORTIZATION_YEARS = 4;
    public static final double CLUSTER_OVERHEAD = 2;
    public static final double UTILIZATION = 0.4;
    static final double SECONDS_PER_YEAR = 365.25 * 86400;

    private CostMethod() {
    }

    public static MethodResult compute(ObjectNode node, ChipCatalogue catalogue) {
        Inputs inputs = new Inputs(node, "cost");
        double dollars = inputs.positive("dollars", "training cost in US dollars");
        var given = inputs.optionalPositive("dollars_per_flop", "price of one FLOP in dollars");
        if (given.isPresent()) {
            return MethodResult.of(dollars / given.get(), Sci.input(dollars) + " $ ÷ " + Sci.scientific(given.get()) + " $/FLOP");
        }
        if (!inputs.has("chip")) {
            throw new EstimateException("", "missing input 'dollars_per_flop' (or 'chip' and 'year') for method cost",
                    "Add dollars_per_flop: <price of one FLOP>, or chip: <accelerator> and year: <year of the spend>.");
        }
        Chip chip = catalogue.require(inputs.text("chip", "accelerator name"), "/chip");
        double year = inputs.positive("year", "year of the spend");
        if (chip.releaseDate() != null && year < chip.releaseDate().getYear()) {
            throw new EstimateException("/year", chip.name() + " was released in " + chip.releaseDate().getYear()
                    + ", after " + (int) year, "Check the year of the spend or the chip.");
        }
        if (chip.priceUsd() == null) {
            throw new EstimateException("/chip", "the chip catalogue (Epoch AI) gives no release price for " + chip.name(),
                    "Give dollars_per_flop instead of chip and year.");
        }
        double peak = chip.peakFlops(Precision.BF16).orElseThrow(() -> new EstimateException("/chip",
                "the chip catalogue (Epoch AI) gives no bf16 peak for " + chip.name(),
                "Give dollars_per_flop instead of chip and year."));
        double perFlop = dollarsPerFlop(chip.priceUsd(), peak);
        return new MethodResult(dollars / perFlop, Sci.input(dollars) + " $ ÷ " + Sci.flop(perFlop) + " $/FLOP",
                List.of("price of a FLOP on " + chip.name() + ": " + Sci.input(chip.priceUsd()) + " $ × " + Sci.input(CLUSTER_OVERHEAD)
                        + " ÷ (" + Sci.input(AMORTIZATION_YEARS) + " years × " + Sci.input(SECONDS_PER_YEAR) + " s × "
                        + Sci.scientific(peak) + " FLOP/s × " + Sci.input(UTILIZATION) + ") = " + Sci.flop(perFlop) + " $/FLOP"),
                null);
    }

    static double dollarsPerFlop(double chipPrice, double peakFlops) {
        return chipPrice * CLUSTER_OVERHEAD / (AMORTIZATION_YEARS * SECONDS_PER_YEAR * peakFlops * UTILIZATION);
    }
}
