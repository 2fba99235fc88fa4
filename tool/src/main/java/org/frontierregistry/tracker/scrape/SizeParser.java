package org.frontierregistry.tracker.scrape;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameter counts stated in free text ("a dense 128B model", "1T-parameter … 63B active",
 * "35 billion total parameters") or in model slugs ("qwen3.6-35b-a3b"). Conservative: only explicit
 * statements count, and nothing is guessed.
 */
public final class SizeParser {
    /** Total and active parameters; either may be null. */
    public record Size(Double total, Double active) {
        public static final Size NONE = new Size(null, null);
    }

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String UNIT = "(b|t|billion|trillion)";
    private static final Pattern ACTIVE = Pattern.compile(
            "(?:" + NUM + "\\s*-?\\s*" + UNIT + "\\s+(?:parameters\\s+)?(?:active|activated)\\b"
                    + "|(?:activat(?:es|ing)|with)\\s+(?:only\\s+)?" + NUM + "\\s*-?\\s*" + UNIT + "\\s+(?:active\\s+)?param)");
    private static final Pattern TOTAL = Pattern.compile(
            "(?:" + NUM + "\\s*-?\\s*" + UNIT + "[\\s-]*(?:total[\\s-]*)?param(?:eter)?s?\\b"
                    + "|" + NUM + "\\s*-?\\s*" + UNIT + "\\s+total\\b"
                    + "|dense,?\\s+(?:decoder-only\\s+)?" + NUM + "\\s*-?\\s*" + UNIT + "\\b)");
    private static final Pattern SLUG_MOE = Pattern.compile("(?<![a-z0-9.])" + NUM + "([bt])-a" + NUM + "([bt])(?![a-z0-9])");
    /** In names, "270m" (millions) counts too: small models say their size that way. */
    private static final Pattern SLUG_DENSE = Pattern.compile("(?<![a-z0-9.])" + NUM + "([bmt])(?![a-z0-9])");

    private static final Pattern MIXTURE = Pattern.compile("(?i)mixture[- ]of[- ]experts|\\bmoe\\b");

    private SizeParser() {
    }

    /** The text calls the model a mixture of experts ("a sparse mixture-of-experts architecture", "an MoE model"). */
    public static boolean saysMixtureOfExperts(String text) {
        return text != null && MIXTURE.matcher(text).find();
    }

    public static Size fromText(String text) {
        if (text == null) {
            return Size.NONE;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Double active = null;
        Matcher a = ACTIVE.matcher(lower);
        if (a.find()) {
            active = a.group(1) != null ? value(a.group(1), a.group(2)) : value(a.group(3), a.group(4));
        }
        Double total = null;
        Matcher t = TOTAL.matcher(lower);
        while (t.find()) {
            Double v = firstValue(t);
            if (v != null && (active == null || v > active)) {
                total = v;
                break;
            }
        }
        return new Size(total, active);
    }

    /** Sizes in a slug or repository name: "qwen3-235b-a22b" → 235e9 total, 22e9 active; "llama-3.1-405b" → 405e9. */
    public static Size fromSlug(String slug) {
        if (slug == null) {
            return Size.NONE;
        }
        String lower = slug.toLowerCase(Locale.ROOT);
        Matcher moe = SLUG_MOE.matcher(lower);
        if (moe.find()) {
            return new Size(value(moe.group(1), moe.group(2)), value(moe.group(3), moe.group(4)));
        }
        Matcher dense = SLUG_DENSE.matcher(lower);
        Double total = null;
        while (dense.find()) {
            total = value(dense.group(1), dense.group(2));
        }
        return new Size(total, null);
    }

    private static Double firstValue(Matcher m) {
        for (int g = 1; g + 1 <= m.groupCount(); g += 2) {
            if (m.group(g) != null) {
                return value(m.group(g), m.group(g + 1));
            }
        }
        return null;
    }

    private static Double value(String number, String unit) {
        double n = Double.parseDouble(number);
        double scale = unit.startsWith("t") ? 1e12 : unit.equals("m") ? 1e6 : 1e9;
        double v = n * scale;
        return v >= 1e8 && v <= 1e14 ? v : null;
    }
}
