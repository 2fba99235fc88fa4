package org.frontierregistry.tracker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.frontierregistry.tracker.cli.Main;

/**
 * The tool run as its own JVM (the test class path, {@code java ... Main ARGS}), as a person runs it in a
 * terminal: it can be killed, and two of them really are two processes.
 */
public final class TrackerProcess implements AutoCloseable {
    private final Process process;
    private final Output out;
    private final Output err;

    private TrackerProcess(Process process) {
        this.process = process;
        this.out = new Output(process.getInputStream());
        this.err = new Output(process.getErrorStream());
    }

    public static TrackerProcess start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Quick start-up counts more than peak speed for short runs.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Main.class.getName()));
        command.addAll(List.of(args));
        try {
            return new TrackerProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until what it printed so far satisfies {@code condition}; false when it ended or the time ran out first. */
    public boolean awaitOutput(Predicate<String> condition, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            if (condition.test(out.text())) {
                return true;
            }
            if (!process.isAlive()) {
                return condition.test(out.text());
            }
            Thread.sleep(2);
        }
        return false;
    }

    /** Types a line into its standard input, then closes it. */
    public void answer(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
    }

    /** SIGKILL: no shutdown hook, no finally block runs; as when a CI job is cancelled or the machine stops. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public int waitFor() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the tracker process did not end within 120 s; it printed: " + out.text() + err.text());
        }
        out.join();
        err.join();
        return process.exitValue();
    }

    public String out() {
        return out.text();
    }

    public String err() {
        return err.text();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Collects a stream on its own thread, so the process never blocks on a full pipe. */
    private static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread reader;

        Output(InputStream in) {
            reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed: what was read is kept
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        void join() throws InterruptedException {
            reader.join(10_000);
        }
    }
}
