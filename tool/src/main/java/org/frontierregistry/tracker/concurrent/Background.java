package org.frontierregistry.tracker.concurrent;

/** Work started on a thread of its own, alongside what the command does meanwhile. */
public final class Background {
    private Background() {
    }

    /**
     * Starts {@code work} on a new daemon thread named {@code name}: it never keeps the JVM from ending, so work
     * nobody waits for is simply dropped when the command ends.
     */
    public static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
