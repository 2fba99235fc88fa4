package org.frontierregistry.tracker.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.cli.Main;
import org.frontierregistry.tracker.record.RegistryLayout;

/** A registry checkout made in a temp folder for a test: the real schema, an empty models/ folder. */
public final class TempRegistry {
    private final Path root;

    private TempRegistry(Path root) {
        this.root = root;
    }

    /** The repository this build runs in (surefire sets tracker.repo). */
    public static Path realRepository() {
        return Path.of(System.getProperty("tracker.repo", "..")).toAbsolutePath().normalize();
    }

    public static TempRegistry in(Path folder) {
        try {
            Files.createDirectories(folder.resolve("schema"));
            Files.createDirectories(folder.resolve(RegistryLayout.MODELS));
            Files.copy(realRepository().resolve(RegistryLayout.SCHEMA), folder.resolve(RegistryLayout.SCHEMA));
            return new TempRegistry(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public RegistryLayout layout() {
        return new RegistryLayout(root);
    }

    public Path write(String id, String yaml) {
        try {
            Path file = root.resolve(RegistryLayout.MODELS).resolve(id + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file from the test resources into models/. */
    public Path copyResource(String resource) {
        try {
            Path source = Path.of("src/test/resources").resolve(resource);
            Path target = root.resolve(RegistryLayout.MODELS).resolve(source.getFileName());
            Files.copy(source, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the tool in-process, in this registry, and captures what it printed. */
    public Run run(String... args) {
        String[] withRepo = new String[args.length + 2];
        System.arraycopy(args, 0, withRepo, 0, args.length);
        withRepo[args.length] = "--repo";
        withRepo[args.length + 1] = root.toString();
        return Run.of(withRepo);
    }

    /** The outcome of one in-process run of the tool. */
    public record Run(int exitCode, String out, String err) {
        public static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
        }

        public String all() {
            return out + err;
        }
    }

}
