package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.frontierregistry.tracker.concurrent.Background;
import org.frontierregistry.tracker.diff.Snapshots;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.record.GitRecordSource;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.Validator;

/**
 * The registry work a command begins with, started on a thread of its own before picocli reads the command line.
 * Picocli's set-up (the reflection over the command's options and its converters) takes 100-150 ms at the start of
 * every run on one core while the second waits. Meanwhile this finds the registry as the command will, loads the
 * schema and the validation cache, and then, by command:
 * <ul>
 *   <li>{@code validate}: lists and stamps the record files ({@link Validator#prepare});</li>
 *   <li>{@code query}, {@code stats}, {@code show}, {@code estimate} (not with {@code --write}, which reads the
 *   records only once it holds the registry lock): reads every record, as the command's snapshot would;</li>
 *   <li>{@code build}: nothing more, since a build reads the records only once it holds the registry lock;</li>
 *   <li>{@code diff}: reads the records of the revision {@code --base} names, while the command reads the other
 *   side's files.</li>
 * </ul>
 * The command takes that work only when it asks for the same registry with the same clock; otherwise (another
 * {@code --repo}, {@code --no-cache}, {@code --today}, {@code --as-of}) it does its own, and the head start only
 * cost time on the idle core. Either way the answer is the same: the same calls ran, a little earlier, as if the
 * command had been started then. This thread sets up the classes that read the registry; the main thread sets up
 * picocli's, the commands' and their options' types (enums whose set-up needs none of the former), so neither
 * thread waits on a class the other is setting up.
 */
final class HeadStart {
    private static final AtomicReference<HeadStart> started = new AtomicReference<>();

    /**
     * What a command needs first, prepared on the other thread: its validator, and for some its snapshot or the
     * base side of its diff.
     */
    record Prepared(Validator validator, Snapshot snapshot, DiffBase diffBase) {
    }

    /** The base side of a diff, read for the revision named by {@code --base}. */
    record DiffBase(String revision, org.frontierregistry.tracker.diff.Snapshot side) {
    }

    /** The validator a diff reads with, and its base side when it was read ahead for the revision the diff names. */
    record DiffStart(Validator validator, org.frontierregistry.tracker.diff.Snapshot base) {
    }

    private enum Work { VALIDATOR_AND_LISTING, SNAPSHOT, VALIDATOR, DIFF_BASE }

    /** The clock a command reads the day from. */
    private enum Zone { DEFAULT, UTC }

    /** A command that gets a head start, the work done for it, and the clock it reads the day from. */
    private record Command(String name, Work work, Zone zone) {
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("validate", Work.VALIDATOR_AND_LISTING, Zone.DEFAULT),
            new Command("query", Work.SNAPSHOT, Zone.DEFAULT),
            new Command("stats", Work.SNAPSHOT, Zone.UTC), // TodayOption's clock without --today
            new Command("build", Work.VALIDATOR, Zone.DEFAULT),
            new Command("show", Work.SNAPSHOT, Zone.UTC),
            new Command("estimate", Work.SNAPSHOT, Zone.DEFAULT),
            new Command("diff", Work.DIFF_BASE, Zone.UTC));

    /**
     * Options after which the command reads no registry, or not with the cache and clock prepared here, or (for
     * {@code --write}) reads it only once it holds the registry lock: every spelling picocli accepts belongs here.
     */
    private static final List<String> DIFFERENT_RUN = List.of("-h", "--help", "-V", "--version", "--no-cache", "--as-of", "--today",
            "--write");

    private final Zone zone;
    /**
     * Made on the thread, before the registry is located: the system's time zone is read from the JDK's zone
     * database on first use, 20-50 ms that would otherwise delay the thread's start on the main thread.
     */
    private volatile Clock clock;
    /** The registry the command will read, found first on the thread; completed with null when there is none. */
    private final CompletableFuture<RegistryLayout> located = new CompletableFuture<>();
    private final CompletableFuture<Prepared> prepared = new CompletableFuture<>();
    /** The validator once made, and whether the work was ended untaken: each side looks at the other's after its own. */
    private volatile Validator made;
    private volatile boolean stopped;

    private HeadStart(Zone zone) {
        this.zone = zone;
    }

    /**
     * Starts the work for the command {@code args} name, when it is one that reads the registry as found from
     * {@code workingFolder} (or the launcher's checkout, or {@code --repo DIR}).
     *
     * @return whether work was started
     */
    static boolean begin(String[] args, Path workingFolder, String fromLauncher) {
        // Plain loops and classes, no lambdas, streams or string concatenation: what runs here delays the thread,
        // and the JVM's first lambda costs tens of milliseconds to set up (the main thread pays for that anyway,
        // in parallel, when picocli starts).
        Command command = args.length == 0 ? null : named(args[0]);
        if (command == null || differentRun(args)) {
            return false;
        }
        HeadStart start = new HeadStart(command.zone());
        if (!started.compareAndSet(null, start)) {
            return false;
        }
        String repo = optionValue(args, "--repo");
        String base = command.work() == Work.DIFF_BASE ? optionValue(args, "--base") : null;
        Background.start("tracker-head-start", new Runnable() {
            @Override
            public void run() {
                start.prepare(repo, workingFolder, fromLauncher, command.work(), base);
            }
        });
        return true;
    }

    /** The registry's validator: the one prepared for this registry and clock when there is one, else a new one. */
    static Validator validator(RegistryLayout layout, Clock clock) throws IOException {
        return validatorOf(take(layout, clock), layout, clock);
    }

    /** The registry's records now ({@link Snapshot#current}): the ones read ahead for this registry and clock, else read now. */
    static Snapshot snapshot(RegistryLayout layout, Clock clock) throws IOException {
        Prepared prepared = take(layout, clock);
        if (prepared != null && prepared.snapshot() != null) {
            return prepared.snapshot();
        }
        return Snapshot.current(layout, clock, validatorOf(prepared, layout, clock));
    }

    /** The diff's validator, and the base side read ahead when it was read for {@code baseRevision}. */
    static DiffStart diff(RegistryLayout layout, Clock clock, String baseRevision) throws IOException {
        Prepared prepared = take(layout, clock);
        DiffBase read = prepared == null ? null : prepared.diffBase();
        return new DiffStart(validatorOf(prepared, layout, clock),
                read != null && read.revision().equals(baseRevision) ? read.side() : null);
    }

    private static Validator validatorOf(Prepared prepared, RegistryLayout layout, Clock clock) throws IOException {
        return prepared != null ? prepared.validator() : Validator.forRegistry(layout, clock);
    }

    /**
     * Ends work nobody took (the command stopped early, or read another registry) without waiting for it: its
     * validator writes nothing more to the cache, once a write under way is done, so the JVM never stops it
     * halfway through one. A mistyped option in a large registry then ends at once, not after reading it all.
     */
    static void finish() {
        HeadStart start = started.getAndSet(null);
        if (start != null) {
            start.stop();
        }
    }

    private void stop() {
        stopped = true;
        Validator validator = made;
        if (validator != null) {
            validator.stopWriting();
        }
    }

    /** Whether work was started that no command has taken yet. */
    static boolean waiting() {
        return started.get() != null;
    }

    /** The work prepared for this registry and clock, waited for and handed over once; null when there is none. */
    static Prepared take(RegistryLayout layout, Clock clock) {
        HeadStart start = started.get();
        if (start == null || !layout.equals(start.located.join()) || !clock.equals(start.clock)
                || !started.compareAndSet(start, null)) {
            return null;
        }
        return start.prepared.join();
    }

    /** @param base the revision {@code --base} names (diff only), or null */
    private void prepare(String repo, Path workingFolder, String fromLauncher, Work work, String base) {
        try {
            clock = zone == Zone.UTC ? Clock.systemUTC() : Clock.systemDefaultZone();
            Optional<RegistryLayout> found = repo == null ? RegistryOptions.fromWorkingFolder(workingFolder, fromLauncher)
                    : repo.isEmpty() ? Optional.empty() : RegistryLayout.discover(Path.of(repo));
            RegistryLayout layout = found.orElse(null);
            located.complete(layout);
            if (layout == null) {
                prepared.complete(null);
                return;
            }
            Validator validator = Validator.forRegistry(layout, clock);
            made = validator;
            if (stopped) {
                validator.stopWriting();
            }
            Snapshot snapshot = null;
            DiffBase diffBase = null;
            switch (work) {
                case VALIDATOR_AND_LISTING -> validator.prepare(layout);
                case SNAPSHOT -> snapshot = Snapshot.current(layout, clock, validator);
                case VALIDATOR -> {
                }
                case DIFF_BASE -> diffBase = diffBase(layout, validator, base);
            }
            prepared.complete(new Prepared(validator, snapshot, diffBase));
        } catch (Exception | Error e) {
            // Whatever went wrong here (a broken schema, no memory left), the command does the work itself and
            // meets it where it would have without a head start, with its own message.
        } finally {
            located.complete(null); // no-ops once completed; a command waiting for this never waits for ever
            prepared.complete(null);
        }
    }

    /** The base side of a diff; null when there is none to read (no {@code --base}, no Git, no such revision). */
    private static DiffBase diffBase(RegistryLayout layout, Validator validator, String revision) {
        if (revision == null || revision.isEmpty()) {
            return null;
        }
        try (GitRecordSource git = GitRecordSource.open(layout.root())) {
            return new DiffBase(revision, new Snapshots(layout, validator).atRevision(git, revision));
        } catch (IOException | RuntimeException e) {
            return null; // the command reads it itself, and says what is wrong
        }
    }

    private static Command named(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static boolean differentRun(String[] args) {
        for (String arg : args) {
            if (arg.length() > 1 && arg.charAt(0) == '@') {
                return true; // an argument file, which picocli expands: it may hold any of the options below
            }
            for (String option : DIFFERENT_RUN) {
                if (arg.equals(option) || arg.startsWith(option) && arg.charAt(option.length()) == '=') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}: null when absent, "" when given without a value. */
    private static String optionValue(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name)) {
                return i + 1 < args.length ? args[i + 1] : "";
            }
            if (args[i].startsWith(name) && args[i].length() > name.length() && args[i].charAt(name.length()) == '=') {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }
}
