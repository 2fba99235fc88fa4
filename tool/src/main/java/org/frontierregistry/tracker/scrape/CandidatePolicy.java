package org.frontierregistry.tracker.scrape;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which new models become pull requests and which are only reported. A candidate is proposed when its
 * estimate gives p_above at or over the floor; or, from a lab on the watch list, when there is no
 * estimate yet (unless its stated size rules 1e25 out) or the only estimate is Speculative.
 *
 * @param pAboveFloor    least P(compute > 1e25) for a candidate from any lab
 * @param watchList      organisations (Epoch's spelling) whose new models are proposed even without an estimate
 */
public record CandidatePolicy(double pAboveFloor, Set<String> watchList) {
    /** Generous upper bound on pre-training tokens: 6 × N × this below 1e25 rules a model out. */
    public static final double MAX_PLAUSIBLE_TOKENS = 60e12;
    public static final double DEFAULT_FLOOR = 0.05;
    public static final List<String> DEFAULT_WATCH_LIST = List.of("OpenAI", "Anthropic", "Google DeepMind", "Google",
            "Meta AI", "xAI", "DeepSeek", "Alibaba", "Mistral AI", "Moonshot", "Z.ai (Zhipu AI)", "MiniMax", "Amazon",
            "Microsoft", "NVIDIA", "ByteDance", "Tencent", "Baidu");

    public CandidatePolicy {
        watchList = new TreeSet<>(watchList.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    public static CandidatePolicy defaults() {
        return new CandidatePolicy(DEFAULT_FLOOR, Set.copyOf(DEFAULT_WATCH_LIST));
    }

    /** The decision and its reason, in words for the report. */
    public record Decision(boolean propose, String reason) {
    }

    public boolean watched(List<String> organizations) {
        return organizations.stream().anyMatch(o -> watchList.contains(o.toLowerCase(Locale.ROOT)));
    }

    public Decision decide(List<String> organizations, Double pAbove, String confidence, Double parameters,
                           Double activeParameters) {
        boolean watched = watched(organizations);
        String floor = String.format(Locale.ROOT, "%.2f", pAboveFloor);
        if (pAbove != null) {
            String p = String.format(Locale.ROOT, "%.3f", pAbove);
            if (pAbove >= pAboveFloor) {
                return new Decision(true, "p_above " + p + " is at or over the floor " + floor);
            }
            if (watched && "Speculative".equals(confidence)) {
                return new Decision(true, "p_above " + p + " is under the floor " + floor
                        + ", but the estimate is only Speculative and the lab is on the watch list");
            }
            return new Decision(false, "p_above " + p + " is under the floor " + floor);
        }
        Double n = activeParameters != null ? activeParameters : parameters;
        if (n != null && 6 * n * MAX_PLAUSIBLE_TOKENS < 1e25) {
            return new Decision(false, "no estimate, and " + SourceText.sci(n) + (activeParameters != null ? " active" : "")
                    + " parameters would need more than 60e12 training tokens to reach 1e25 FLOP");
        }
        if (watched) {
            List<String> onList = organizations.stream().filter(o -> watchList.contains(o.toLowerCase(Locale.ROOT))).toList();
            return new Decision(true, "no estimate yet; " + String.join(", ", onList) + (onList.size() == 1 ? " is" : " are")
                    + " on the watch list");
        }
        return new Decision(false, "no estimate, and " + (organizations.isEmpty() ? "the developer is unknown"
                : String.join(", ", organizations) + " is not on the watch list"));
    }
}
