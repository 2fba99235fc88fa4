package org.frontierregistry.tracker.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutated real inputs for property-based fuzzing, and the bounds every reader must keep. The number of
 * inputs per property is jqwik's {@code jqwik.tries.default}, which the build sets from the Maven property
 * {@code fuzz.tries} (short in the normal suite; {@code mvn verify -Dfuzz.tries=100000} for a long run).
 */
public final class Fuzz {
    /**
     * A reader that takes longer than this on one input is hanging, not slow (inputs take milliseconds; the margin is
     * for a machine shared by many builds, where a first, cold call once took over 10 s).
     */
    public static final long MAX_MILLIS = 30_000;

    private Fuzz() {
    }

    /** A real input: a record from the repository, a saved snapshot of a source. */
    public record Seed(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    /** A seed with the mutations applied to it, printed (and shrunk by jqwik) as the list of mutations. */
    public record Mutant(Seed seed, List<Mutation> mutations) {
        public byte[] bytes() {
            return Mutation.apply(seed.bytes(), mutations);
        }
    }

    public static Arbitrary<Mutant> mutantsOf(List<Seed> seeds) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Mutation.Kind.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 500)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(4)).as(Mutant::new);
    }

    /** Every file under {@code folder} whose name ends with one of {@code endings}, as seeds. */
    public static List<Seed> seeds(Path folder, String... endings) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(endings).anyMatch(e -> f.getFileName().toString().endsWith(e)))
                    .sorted()
                    .map(f -> new Seed(folder.relativize(f).toString(), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seed seed(Path file) {
        return new Seed(file.getFileName().toString(), read(file));
    }

    /**
     * Runs {@code action} and fails when it does not finish within {@link #MAX_MILLIS} (a hang) or allocates more
     * than {@code maxBytes} (a reader that multiplies its input, like a billion-laughs document). Exceptions
     * {@code action} throws come out unchanged, for the property to judge.
     */
    public static <T> T bounded(long maxBytes, Callable<T> action) throws Exception {
        Future<T> result = WORKER.submit(() -> {
            long thread = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(thread);
            T value = action.call();
            long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
            if (allocated > maxBytes) {
                throw new AssertionError("allocated " + allocated / 1_000_000 + " MB on one input (at most "
                        + maxBytes / 1_000_000 + " MB)");
            }
            return value;
        });
        try {
            return result.get(MAX_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("did not finish within " + MAX_MILLIS + " ms on one input");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Daemon threads: a hung reader is abandoned and the next input gets a fresh thread. */
    private static final ExecutorService WORKER = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-target");
        thread.setDaemon(true);
        return thread;
    });

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
