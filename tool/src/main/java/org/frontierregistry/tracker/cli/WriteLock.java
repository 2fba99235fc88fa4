package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.record.RegistryLayout;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The registry lock as the writing commands take it (estimate --write, review, new, scrape --propose,
 * build): a second run at once stops with a message naming the first; after an interrupted run the
 * temporary files it left in models/ are removed and the user is told to look at what it changed.
 */
final class WriteLock {
    private WriteLock() {
    }

    static RegistryLock take(RegistryLayout layout, CommandSpec spec) {
        var parsed = spec.root().commandLine().getParseResult();
        String command = parsed == null ? spec.qualifiedName() : "tracker " + String.join(" ", parsed.originalArgs());
        RegistryLock lock;
        try {
            lock = RegistryLock.acquire(layout.lockFile(), command);
        } catch (RegistryLock.Busy busy) {
            throw TrackerException.failure("another tracker run is writing to this registry"
                    + busy.holder().map(h -> ": " + h.describe()).orElse(" (it holds " + layout.display(layout.lockFile()) + ")")
                    + ". Two runs at once could overwrite each other's edits, so nothing was done. Wait until it finishes"
                    + " and run this again" + busy.holder().map(h -> ", or stop it first (kill " + h.pid() + ")").orElse("")
                    + ".");
        } catch (IOException e) {
            throw TrackerException.failure("cannot take the registry lock " + layout.display(layout.lockFile()) + ": "
                    + e.getMessage() + " (is the checkout writable?)");
        }
        try {
            int removed = AtomicFiles.removeLeftovers(layout.modelsDir());
            PrintWriter err = spec.commandLine().getErr();
            lock.interrupted().ifPresent(h -> err.println("note: an earlier run, " + h.describe() + ", was interrupted"
                    + (removed > 0 ? " (its " + removed + " unfinished temporary file" + (removed == 1 ? "" : "s") + " removed)" : "")
                    + ". Every file it wrote is whole; check 'git status' for what it changed before it stopped."));
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw TrackerException.failure("cannot clean up after an earlier run in " + layout.display(layout.modelsDir())
                    + ": " + e.getMessage());
        }
        return lock;
    }

    private static void closeQuietly(RegistryLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the operating system frees the lock when this process ends anyway
        }
    }
}
