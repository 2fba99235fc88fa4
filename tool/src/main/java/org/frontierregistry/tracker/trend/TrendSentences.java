package org.frontierregistry.tracker.trend;

/** The fitted growth rates and the projection in words, the same on the terminal and on the site. */
public final class TrendSentences {
    private TrendSentences() {
    }

    public static String frontier(TrendReport report) {
        Growth g = report.frontierGrowth();
        String who = "frontier training compute (the running top " + report.settings().frontierTop() + " by compute at release";
        if (g == null) {
            return "Too few models to fit the growth of " + who + ").";
        }
        return Character.toUpperCase(who.charAt(0)) + who.substring(1) + "; " + g.points() + " models, " + g.from()
                + " to " + g.to() + ") grew about " + Rounded.factorText(g.perYear()) + " a year (90% interval "
                + Rounded.factorText(g.low()) + " to " + Rounded.factorText(g.high()) + ").";
    }

    public static String count(TrendReport report) {
        Growth g = report.countGrowth();
        if (g == null) {
            return "Too few complete quarters to fit the growth of the number of models crossing the line.";
        }
        return "The number of models crossing 1e25 FLOP per quarter grew about " + Rounded.factorText(g.perYear())
                + " a year (90% interval " + Rounded.factorText(g.low()) + " to " + Rounded.factorText(g.high())
                + "; quarters " + g.from() + " to " + g.to() + ").";
    }

    /** Both growth rates in one sentence when both could be fitted (the site's summary), otherwise one each. */
    public static String growth(TrendReport report) {
        if (report.frontierGrowth() == null || report.countGrowth() == null) {
            return frontier(report) + " " + count(report);
        }
        String count = count(report);
        return frontier(report).replaceFirst("\\.$", "") + "; the n" + count.substring(count.indexOf("umber of models"));
    }

    /** The projection, labelled as one; empty when nothing could be fitted. */
    public static String projection(TrendReport report) {
        StringBuilder text = new StringBuilder();
        for (Projection p : report.projections()) {
            if (p.countExpected() == null) {
                continue;
            }
            text.append(text.length() == 0 ? "Projection, if the count trend holds (not a forecast): about " : "; about ")
                    .append(Math.round(p.countExpected())).append(" models above the line by ").append(p.date())
                    .append(" (90% interval ").append(p.countLow()).append(" to ").append(p.countHigh()).append(")");
        }
        return text.length() == 0 ? "" : text.append('.').toString();
    }
}
