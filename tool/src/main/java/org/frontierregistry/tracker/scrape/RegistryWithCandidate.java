package org.frontierregistry.tracker.scrape;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * The registry's records by id with one candidate record added last, replacing a record of the same id: a read-only
 * view, so that estimating each of a scrape's candidates does not copy the 10,000 records it is estimated among.
 * Iterates in the registry's order, then the candidate, as the list it stands for did.
 */
final class RegistryWithCandidate extends AbstractMap<String, ModelRecord> {
    private final Map<String, ModelRecord> registry;
    private final ModelRecord candidate;
    private final boolean replaces;

    RegistryWithCandidate(Map<String, ModelRecord> registry, ModelRecord candidate) {
        this.registry = registry;
        this.candidate = candidate;
        this.replaces = registry.containsKey(candidate.id());
    }

    @Override
    public ModelRecord get(Object id) {
        return candidate.id().equals(id) ? candidate : registry.get(id);
    }

    @Override
    public boolean containsKey(Object id) {
        return candidate.id().equals(id) || registry.containsKey(id);
    }

    @Override
    public int size() {
        return registry.size() + (replaces ? 0 : 1);
    }

    @Override
    public Set<Entry<String, ModelRecord>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return RegistryWithCandidate.this.size();
            }

            @Override
            public Iterator<Entry<String, ModelRecord>> iterator() {
                Iterator<Entry<String, ModelRecord>> others = registry.entrySet().stream()
                        .filter(e -> !e.getKey().equals(candidate.id())).iterator();
                return new Iterator<>() {
                    private boolean candidateGiven;

                    @Override
                    public boolean hasNext() {
                        return others.hasNext() || !candidateGiven;
                    }

                    @Override
                    public Entry<String, ModelRecord> next() {
                        if (others.hasNext()) {
                            return others.next();
                        }
                        if (candidateGiven) {
                            throw new NoSuchElementException();
                        }
                        candidateGiven = true;
                        return Map.entry(candidate.id(), candidate);
                    }
                };
            }
        };
    }
}
