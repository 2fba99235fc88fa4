package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.frontierregistry.tracker.testing.TrackerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as its own process, killed (SIGKILL) at many points of its run, over a copy of the repository's
 * records: every file is afterwards exactly its old bytes or exactly its new bytes, and the next run finishes
 * the job. Two real processes contend for the registry lock.
 */
class InterruptedRunsTest {
    private static final int SWAPPING = -1;
    private static final Pattern HEADLINE_P_ABOVE = Pattern.compile("(?m)^  p_above: ([0-9.]+)$");

    @TempDir
    Path folder;

    @Test
    void estimateWriteAllKilledAtManyPointsLeavesEveryRecordExactlyOldOrNew() throws Exception {
        Path base = realRecords("base");
        int stale = makeHeadlinesStale(base);
        Map<String, byte[]> old = tree(base.resolve(RegistryLayout.MODELS));
        Path finished = copy(base, "finished");
        Run full = Run.of("estimate", "--write", "--all", "--repo", finished.toString());
        Map<String, byte[]> updated = tree(finished.resolve(RegistryLayout.MODELS));
        int changed = differing(old, updated);
        assertTrue(changed >= stale / 2 && changed > 20, "the uninterrupted run updates most records: " + changed + "\n" + full.all());

        int mixedRounds = 0;
        StringBuilder report = new StringBuilder();
        for (int killAfter : List.of(1, changed / 3, 2 * changed / 3, changed - 2)) {
            Path round = copy(base, "estimate-" + killAfter);
            try (TrackerProcess run = TrackerProcess.start("estimate", "--write", "--all", "--repo", round.toString())) {
                assertTrue(run.awaitOutput(out -> count(out, "\nupdated ") + (out.startsWith("updated ") ? 1 : 0) >= killAfter,
                        60_000), "the run got to its writes: " + run.out() + run.err());
                run.kill();
            }
            Map<String, byte[]> after = tree(round.resolve(RegistryLayout.MODELS));
            int asNew = 0;
            for (Map.Entry<String, byte[]> file : old.entrySet()) {
                byte[] now = after.get(file.getKey());
                if (now == null) {
                    fail(file.getKey() + " vanished when the run was killed after " + killAfter + " updates");
                }
                boolean isOld = Arrays.equals(now, file.getValue());
                boolean isNew = Arrays.equals(now, updated.get(file.getKey()));
                assertTrue(isOld || isNew, file.getKey() + " is neither its old nor its new bytes (killed after " + killAfter + ")");
                asNew += isNew && !isOld ? 1 : 0;
            }
            List<String> others = after.keySet().stream().filter(name -> !old.containsKey(name)).toList();
            assertTrue(others.stream().allMatch(name -> name.endsWith(AtomicFiles.TEMP_SUFFIX)), "only temporary files: " + others);
            mixedRounds += asNew > 0 && asNew < changed ? 1 : 0;
            report.append(String.format("killed after %d 'updated' lines: %d of %d records new, %d temporary file(s) left%n",
                    killAfter, asNew, changed, others.size()));

            Run next = Run.of("estimate", "--write", "--all", "--repo", round.toString());
            if (asNew < changed) {
                // A run cut short among its writes must be noticed; one the kill reached only after its last write
                // (a fast machine, two writes left) may have cleaned up already, and then there is nothing to notice.
                assertTrue(next.err().contains("note: an earlier run, 'tracker estimate --write --all --repo " + round), next.all());
            }
            assertEquals(names(updated), names(tree(round.resolve(RegistryLayout.MODELS))), "the next run removed the leftovers");
            assertEquals(0, differing(updated, tree(round.resolve(RegistryLayout.MODELS))), "the next run finished the job");
        }
        System.out.print(report);
        assertTrue(mixedRounds > 0, "at least one kill landed among the writes:\n" + report);
    }

    @Test
    void buildKilledAtManyPointsLeavesDistExactlyTheOldBuildOrTheNewOne() throws Exception {
        Path base = realRecords("base");
        Path dist = base.resolve("dist");
        Files.createDirectories(dist.resolve("scrape-cache"));
        Files.writeString(dist.resolve("scrape-cache/0a1b.entry"), "a cached response");
        assertEquals(0, Run.of("build", "--repo", base.toString()).exitCode());
        Map<String, byte[]> oldBuild = tree(dist);
        renameOneModel(base);
        Path finished = copy(base, "finished");
        assertEquals(0, Run.of("build", "--repo", finished.toString()).exitCode());
        Map<String, byte[]> newBuild = tree(finished.resolve("dist"));
        assertTrue(differing(oldBuild, newBuild) >= 3, "the two builds differ in several files");

        StringBuilder report = new StringBuilder();
        // Kill points through the writing: the fresh folder made, some or all outputs in it, the swap under way.
        for (int written : List.of(0, 2, 4, 5, SWAPPING)) {
            Path round = copy(base, "build-" + written);
            Path staging = round.resolve(".dist.tracker-new");
            Path aside = round.resolve(".dist.tracker-old");
            try (TrackerProcess run = TrackerProcess.start("build", "--repo", round.toString())) {
                run.awaitOutput(out -> written == SWAPPING ? Files.exists(aside) : filesIn(staging) >= written, 60_000);
                run.kill();
            }
            Path roundDist = round.resolve("dist");
            String state;
            if (Files.isDirectory(roundDist)) {
                Map<String, byte[]> now = tree(roundDist);
                boolean isOld = sameTree(now, oldBuild);
                boolean isNew = sameTree(now, newBuild);
                assertTrue(isOld || isNew || sameTree(now, withoutCarried(newBuild, oldBuild)),
                        "dist/ is one whole build when killed at point " + written);
                state = isOld ? "old build" : isNew ? "new build" : "new build, scrape cache still in the old folder";
            } else {
                assertTrue(sameTree(tree(round.resolve(".dist.tracker-old")), oldBuild), "the old build waits beside");
                state = "between the renames (old build aside)";
            }
            report.append(String.format("killed %s: %s%n", written == SWAPPING ? "while swapping"
                    : "with " + written + " output(s) written", state));

            Run next = Run.of("build", "--repo", round.toString());
            assertEquals(0, next.exitCode(), next.all());
            assertTrue(sameTree(tree(roundDist), newBuild), "the next build leaves exactly the new build:\n" + next.all());
            try (Stream<Path> entries = Files.list(round)) {
                assertEquals(List.of(".tracker.lock", "dist", "models", "schema"),
                        entries.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        System.out.print(report);
    }

    @Test
    void aSecondProcessIsStoppedWhileAReviewHoldsTheLockAndRunsOnceItEnds() throws Exception {
        Path registry = realRecords("registry");
        Map<String, byte[]> before = tree(registry.resolve(RegistryLayout.MODELS));
        try (TrackerProcess review = TrackerProcess.start("review", "--by", "maintainer", "--answers", "/dev/stdin",
                "--repo", registry.toString())) {
            assertTrue(review.awaitOutput(out -> out.contains("[v]erify / mark [b]elow"), 60_000), review.out() + review.err());

            TrackerProcess estimate = TrackerProcess.start("estimate", "--write", "--all", "--repo", registry.toString());
            assertEquals(ExitCodes.PROBLEMS, estimate.waitFor(), estimate.out() + estimate.err());
            assertTrue(estimate.err().startsWith("error: another tracker run is writing to this registry: 'tracker review --by"
                    + " maintainer --answers /dev/stdin --repo " + registry + "' (process " + review.pid() + " on "), estimate.err());
            assertTrue(estimate.err().contains("(kill " + review.pid() + ")"), estimate.err());
            assertEquals(0, differing(before, tree(registry.resolve(RegistryLayout.MODELS))));

            review.answer("q");
            assertEquals(ExitCodes.OK, review.waitFor(), review.err());
        }
        TrackerProcess again = TrackerProcess.start("estimate", "--write", "--all", "--repo", registry.toString());
        assertEquals(ExitCodes.OK, again.waitFor(), again.out() + again.err());
        assertFalse(again.err().contains("another tracker run"), again.err());
    }

    @Test
    void aKilledHolderNeverLeavesTheRegistryLocked() throws Exception {
        Path registry = realRecords("registry");
        long holder;
        try (TrackerProcess review = TrackerProcess.start("review", "--by", "maintainer", "--answers", "/dev/stdin",
                "--repo", registry.toString())) {
            assertTrue(review.awaitOutput(out -> out.contains("[v]erify / mark [b]elow"), 60_000), review.out() + review.err());
            holder = review.pid();
            review.kill();
        }

        TrackerProcess next = TrackerProcess.start("new", "--name", "Lock Test Model", "--org", "Meta AI", "--repo", registry.toString());
        assertEquals(ExitCodes.OK, next.waitFor(), next.out() + next.err());
        assertTrue(next.err().contains("note: an earlier run, 'tracker review --by maintainer --answers /dev/stdin --repo "
                + registry + "' (process " + holder + " on "), next.err());
        assertTrue(Files.isRegularFile(registry.resolve("models/lock-test-model.yaml")));
    }

    private Path realRecords(String name) throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve(name));
        for (Path record : new RegistryLayout(TempRegistry.realRepository()).recordFiles()) {
            Files.copy(record, registry.root().resolve(RegistryLayout.MODELS).resolve(record.getFileName()));
        }
        return registry.root();
    }

    /** Sets every record's headline p_above to 0.5, so `estimate --write --all` has one edit in each to make. */
    private static int makeHeadlinesStale(Path registry) throws IOException {
        int stale = 0;
        for (Path record : new RegistryLayout(registry).recordFiles()) {
            String text = Files.readString(record);
            Matcher m = HEADLINE_P_ABOVE.matcher(text);
            if (m.find() && !m.group(1).equals("0.5")) {
                Files.writeString(record, m.replaceFirst("  p_above: 0.5"));
                stale++;
            }
        }
        return stale;
    }

    /** Gives one record a new name, so the next build differs in its tables, its JSON and its page. */
    private static void renameOneModel(Path registry) throws IOException {
        Pattern plainName = Pattern.compile("(?m)^name: ([A-Za-z0-9][A-Za-z0-9 .-]*)$");
        for (Path record : new RegistryLayout(registry).recordFiles()) {
            String text = Files.readString(record);
            Matcher m = plainName.matcher(text);
            if (m.find()) {
                Files.writeString(record, m.replaceFirst("name: $1 Renamed In Test"));
                return;
            }
        }
        fail("no record with a plain name to rename");
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = folder.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(".tracker.lock")) {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** Every regular file under {@code dir}, by relative path. */
    private static Map<String, byte[]> tree(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean sameTree(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && differing(a, b) == 0;
    }

    /** The new build before the files only the old one held were moved across (killed between those steps). */
    private static Map<String, byte[]> withoutCarried(Map<String, byte[]> newBuild, Map<String, byte[]> oldBuild) {
        Map<String, byte[]> built = new TreeMap<>(newBuild);
        built.keySet().removeIf(name -> name.startsWith("scrape-cache/"));
        return built;
    }

    private static long filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int differing(Map<String, byte[]> a, Map<String, byte[]> b) {
        int n = 0;
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            n += Arrays.equals(e.getValue(), b.get(e.getKey())) ? 0 : 1;
        }
        return n;
    }

    private static List<String> names(Map<String, byte[]> tree) {
        return List.copyOf(tree.keySet());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
