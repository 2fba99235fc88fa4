package org.frontierregistry.tracker.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.frontierregistry.tracker.io.FolderNames;

/**
 * Where things live in a registry checkout: the records, the schema, the build output, and (outside the
 * checkout, in the user's cache folder) what validation remembers between runs.
 *
 * @param cached whether commands may use the validation cache ({@code --no-cache} turns it off)
 */
public record RegistryLayout(Path root, boolean cached) {
    public static final String SCHEMA = "schema/model.schema.json";
    public static final String MODELS = "models";
    /** Overrides where caches are kept (a system property, then an environment variable of the same meaning). */
    public static final String CACHE_PROPERTY = "tracker.cache.dir";
    public static final String CACHE_VARIABLE = "TRACKER_CACHE_DIR";

    public RegistryLayout {
        root = root.toAbsolutePath().normalize();
    }

    public RegistryLayout(Path root) {
        this(root, true);
    }

    public RegistryLayout withoutCache() {
        return new RegistryLayout(root, false);
    }

    /** The validation cache of this checkout, one file per checkout; empty when caching is off or there is no cache folder. */
    public Optional<Path> cacheFile() {
        if (!cached) {
            return Optional.empty();
        }
        return userCacheFolder().map(folder -> folder.resolve("validation")
                .resolve(cacheName() + ".cache"));
    }

    /**
     * The trends last computed for this checkout by one use of them (see TrendCache): each use has its own file,
     * as the site's trends (as of the newest record) and {@code stats --trends} (as of today) differ, and one file
     * for both made each replace the other's. Empty when caching is off or there is no cache folder.
     *
     * @param use a short name of what the trends are for, made of letters only: "site", "stats"
     */
    public Optional<Path> trendsCacheFile(String use) {
        if (!use.matches("[a-z]+")) {
            throw new IllegalArgumentException("a trends cache is named by lower-case letters: " + use);
        }
        if (!cached) {
            return Optional.empty();
        }
        return userCacheFolder().map(folder -> folder.resolve("trends").resolve(cacheName() + "." + use + ".trends"));
    }

    /**
     * What the last build of this checkout wrote and from what (see LastBuild), so that a build with nothing
     * changed leaves its outputs as they are. Empty when caching is off or there is no cache folder.
     */
    public Optional<Path> lastBuildFile() {
        if (!cached) {
            return Optional.empty();
        }
        return userCacheFolder().map(folder -> folder.resolve("builds").resolve(cacheName() + ".last-build"));
    }

    /**
     * The checkout's folder name (for people) and a 64-bit checksum of its full path (so two checkouts do not share;
     * if two ever did, they would only overwrite each other's cache, whose entries all name their files' full paths).
     * Not a SHA-256: setting up Java's SHA-256 provider took 20-30 ms of every short command's start-up, and an
     * unchanged registry is otherwise answered without one.
     */
    private String cacheName() {
        byte[] path = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.zip.CRC32C castagnoli = new java.util.zip.CRC32C();
        castagnoli.update(path);
        java.util.zip.CRC32 ieee = new java.util.zip.CRC32();
        ieee.update(path);
        String name = root.getFileName() == null ? "root" : root.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return name + "-" + java.util.HexFormat.of().toHexDigits(castagnoli.getValue() << 32 | ieee.getValue());
    }

    /** $TRACKER_CACHE_DIR, else the platform's cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%) + tracker. */
    static Optional<Path> userCacheFolder() {
        String chosen = System.getProperty(CACHE_PROPERTY, System.getenv(CACHE_VARIABLE));
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(Path.of(chosen));
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        String xdg = System.getenv("XDG_CACHE_HOME");
        String local = System.getenv("LOCALAPPDATA");
        if (os.startsWith("windows") && local != null) {
            return Optional.of(Path.of(local, "tracker"));
        }
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "tracker"));
        }
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(os.startsWith("mac") ? Path.of(home, "Library", "Caches", "tracker") : Path.of(home, ".cache", "tracker"));
    }

    public Path modelsDir() {
        return root.resolve(MODELS);
    }

    public Path schemaFile() {
        return root.resolve(SCHEMA);
    }

    /** The lock the writing commands hold (io.RegistryLock), git-ignored. */
    public Path lockFile() {
        return root.resolve(".tracker.lock");
    }

    public Path defaultOutput() {
        return root.resolve("dist");
    }

    /** The registry containing {@code start} (it or the nearest parent that has schema/model.schema.json). */
    public static Optional<RegistryLayout> discover(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCHEMA))) {
                return Optional.of(new RegistryLayout(dir));
            }
        }
        return Optional.empty();
    }

    /** Every {@code *.yaml} record file under models/, sorted by name. */
    public List<Path> recordFiles() {
        return yamlFilesIn(modelsDir());
    }

    /**
     * The content of each record file, in name order, for commands that read them as they are without validating
     * them (diff's working tree, scrape's proposals). An entry that is not a regular file (a folder named x.yaml)
     * is left out here; validate reports it.
     */
    public Map<Path, byte[]> recordContents() throws IOException {
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        for (Path file : recordFiles()) {
            if (Files.isRegularFile(file)) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
    }

    /** The record id a file name stands for: the name without its {@code .yaml} ending. */
    public static String idOf(String fileName) {
        return fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - ".yaml".length()) : fileName;
    }

    /**
     * The {@code *.yaml} entries of a folder, sorted by name. The folder is read once and its entries are not
     * looked at one by one (at 10,000 records that was a third of listing them): an entry that is not a readable
     * file, such as a folder named {@code x.yaml}, is listed and then reported as unreadable where it is read.
     */
    public static List<Path> yamlFilesIn(Path dir) {
        String[] entries;
        try {
            entries = FolderNames.of(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>(entries.length);
        boolean ascii = true;
        for (String entry : entries) {
            if (entry.endsWith(".yaml")) {
                names.add(entry);
                ascii &= ascii(entry);
            }
        }
        if (!ascii) {
            return names.stream().map(dir::resolve).sorted().toList();
        }
        // The same order as sorting the paths (for ASCII names), without comparing the folder's path each time.
        String[] sorted = names.toArray(new String[0]);
        Arrays.sort(sorted);
        List<Path> files = new ArrayList<>(sorted.length);
        for (String name : sorted) {
            files.add(dir.resolve(name));
        }
        return Collections.unmodifiableList(files);
    }

    /** A path as people should see it: relative to the registry root when inside it, with forward slashes. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    // Written out rather than generated, as in FileStamp: the generated one is bound on its first call by method
    // handles, which a short command would pay for at start-up.
    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryLayout that && cached == that.cached && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode() * 31 + Boolean.hashCode(cached);
    }

    private static boolean ascii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
