package org.frontierregistry.tracker.validate;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A walk over record ids along comparison references, each id visited once, breadth first: the records a change
 * reaches (those referring to it, and so on) and the records a validation reads in full (those referred to).
 */
final class ReferenceWalk {
    private ReferenceWalk() {
    }

    /**
     * @param from  the ids to start from
     * @param visit what to do on reaching an id; returns the ids reached from it
     */
    static void from(Collection<String> from, Function<String, Collection<String>> visit) {
        Deque<String> reached = new ArrayDeque<>(from);
        Set<String> done = new HashSet<>();
        while (!reached.isEmpty()) {
            String id = reached.poll();
            if (done.add(id)) {
                reached.addAll(visit.apply(id));
            }
        }
    }
}
