package org.frontierregistry.tracker.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.frontierregistry.tracker.publish.LastBuild;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.trend.TrendCache;
import org.frontierregistry.tracker.validate.ValidationCache;
import picocli.CommandLine.Option;

/** The {@code --repo} option shared by commands that work on a registry checkout. */
public class RegistryOptions {
    /** The environment variable in which the launcher names its own checkout, the registry used outside any. */
    static final String LAUNCHER_REPO = "TRACKER_REPO";

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The registry checkout (default: the folder holding schema/model.schema.json, searched upwards from the current folder).")
    Path repo;

    @Option(names = "--no-cache",
            description = "Read and check every record afresh and compute the trends again, without the caches (kept in ~/.cache/tracker or $TRACKER_CACHE_DIR).")
    boolean noCache;

    public RegistryLayout layout() {
        RegistryLayout layout = find();
        return noCache ? layout.withoutCache() : layout;
    }

    /** The trends of the last run for this use, reused while their inputs are the same (TrendCache); none with --no-cache. */
    LastBuild lastBuild(RegistryLayout layout) {
        return layout.lastBuildFile().map(file -> LastBuild.at(file, ValidationCache.toolBuild())).orElse(LastBuild.none());
    }

    TrendCache trendCache(RegistryLayout layout, String use) {
        return layout.trendsCacheFile(use).map(file -> TrendCache.at(file, ValidationCache.toolBuild())).orElse(TrendCache.none());
    }

    private RegistryLayout find() {
        if (repo != null) {
            return RegistryLayout.discover(repo).orElseThrow(() -> TrackerException.usage(
                    "--repo " + repo + " is not a registry checkout (no " + RegistryLayout.SCHEMA + " in it or above it)"));
        }
        return fromWorkingFolder(Path.of(""), System.getenv(LAUNCHER_REPO))
                .orElseThrow(() -> TrackerException.usage("not inside a registry checkout (no " + RegistryLayout.SCHEMA
                        + " here or above); run from the repository or pass --repo DIR"));
    }

    /** The registry holding the working folder, else the launcher's own checkout ({@code fromLauncher}, may be null). */
    static Optional<RegistryLayout> fromWorkingFolder(Path workingFolder, String fromLauncher) {
        return RegistryLayout.discover(workingFolder.toAbsolutePath())
                .or(() -> fromLauncher == null ? Optional.empty() : RegistryLayout.discover(Path.of(fromLauncher)));
    }
}
