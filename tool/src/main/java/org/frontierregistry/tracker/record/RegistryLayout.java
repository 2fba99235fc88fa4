package org.frontierregistry.tracker.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where things live in a registry checkout: the records, the schema, the build output. */
public record RegistryLayout(Path root) {
    public static final String SCHEMA = "schema/model.schema.json";
    public static final String MODELS = "models";

    public RegistryLayout {
        root = root.toAbsolutePath().normalize();
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

    public static List<Path> yamlFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as people should see it: relative to the registry root when inside it, with forward slashes. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
