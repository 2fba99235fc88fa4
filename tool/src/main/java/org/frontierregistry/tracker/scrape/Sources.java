package org.frontierregistry.tracker.scrape;

import java.util.List;
import java.util.Optional;

/** Every source the bot knows, in a fixed order. Register a new source here. */
public final class Sources {
    private Sources() {
    }

    public static List<Source> all() {
        return List.of(new EpochSource(), new LmarenaSource(), new OpenRouterSource(), new ArtificialAnalysisSource(),
                new HuggingFaceSource(), new FeedsSource());
    }

    /** The names of the sources that only give leads (see {@link Source#leadsOnly()}). */
    public static java.util.Set<String> leadSources() {
        return all().stream().filter(Source::leadsOnly).map(Source::name).collect(java.util.stream.Collectors.toSet());
    }

    public static Optional<Source> byName(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
