package org.frontierregistry.tracker.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One writing run at a time in a registry: an operating-system lock on a file in the checkout, with the
 * holder (process id, command, host, start time) written inside so a second run can say who it waits for.
 * The operating system frees the lock when its process ends, however it ends, so a killed run never leaves
 * the registry locked; the details it wrote stay in the file and tell the next run it was interrupted.
 */
public final class RegistryLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Holder> interrupted;

    private RegistryLock(FileChannel channel, FileLock lock, Optional<Holder> interrupted) {
        this.channel = channel;
        this.lock = lock;
        this.interrupted = interrupted;
    }

    /** Who holds (or held) the lock, as written in the lock file. */
    public record Holder(String pid, String command, String host, String started) {
        static Holder current(String command) {
            return new Holder(String.valueOf(ProcessHandle.current().pid()), command, hostName(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }

        String render() {
            return "pid: " + pid + "\ncommand: " + command + "\nhost: " + host + "\nstarted: " + started + "\n";
        }

        static Optional<Holder> parse(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
                }
            }
            if (!fields.containsKey("pid")) {
                return Optional.empty();
            }
            return Optional.of(new Holder(fields.get("pid"), fields.getOrDefault("command", "?"),
                    fields.getOrDefault("host", "?"), fields.getOrDefault("started", "?")));
        }

        /** "'tracker build' (process 1234 on host-x, started 2026-11-30T20:11:00Z)" */
        public String describe() {
            return "'" + command + "' (process " + pid + " on " + host + ", started " + started + ")";
        }
    }

    /** Another run holds the lock. */
    public static final class Busy extends Exception {
        private final transient Optional<Holder> holder;

        Busy(Optional<Holder> holder) {
            super(null, null, false, false);
            this.holder = holder;
        }

        public Optional<Holder> holder() {
            return holder;
        }
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param command what this run is, as people typed it (written into the lock file)
     * @throws Busy        when another run holds it
     * @throws IOException when the lock file cannot be created or written
     */
    public static RegistryLock acquire(Path file, String command) throws Busy, IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it (a run inside a run)
            }
            if (lock == null) {
                Optional<Holder> holder = readQuietly(file);
                channel.close();
                throw new Busy(holder);
            }
            // The file is only ever emptied, never deleted: deleting it would let two runs lock two different files.
            Optional<Holder> previous = Holder.parse(read(channel));
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Holder.current(command).render().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new RegistryLock(channel, lock, previous);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The run that held the lock last, when it ended without releasing it (it was killed or crashed). */
    public Optional<Holder> interrupted() {
        return interrupted;
    }

    /** Empties the file (a finished run leaves no details) and frees the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            channel.force(true);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 4096);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static Optional<Holder> readQuietly(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Holder.parse(new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // Windows locks keep others from reading the file; say less then
        }
    }

    /** From the environment or the kernel, never by a network lookup (which can hang on a closed network). */
    private static String hostName() {
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String value = Files.readString(Path.of(file)).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: try the next
            }
        }
        return "this machine";
    }
}
