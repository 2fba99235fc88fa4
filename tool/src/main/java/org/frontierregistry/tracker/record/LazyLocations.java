package org.frontierregistry.tracker.record;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The locations of a document's keys and values, found the first time anything asks. Reading a clean
 * registry never asks, so the common path skips building a pointer and a location for every value.
 */
final class LazyLocations {
    private final Supplier<RecordReader.Locations> finder;
    private volatile RecordReader.Locations found;

    LazyLocations(Supplier<RecordReader.Locations> finder) {
        this.finder = finder;
    }

    Map<String, Location> values() {
        return new View(true);
    }

    Map<String, Location> keys() {
        return new View(false);
    }

    private RecordReader.Locations found() {
        RecordReader.Locations result = found;
        if (result == null) {
            synchronized (this) {
                if (found == null) {
                    found = finder.get();
                }
                result = found;
            }
        }
        return result;
    }

    /** A read-only map that finds the locations on first use. */
    private final class View extends AbstractMap<String, Location> {
        private final boolean values;

        View(boolean values) {
            this.values = values;
        }

        private Map<String, Location> map() {
            return values ? found().values : found().keys;
        }

        @Override
        public Location get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public int size() {
            return map().size();
        }

        @Override
        public Set<Entry<String, Location>> entrySet() {
            return java.util.Collections.unmodifiableMap(map()).entrySet();
        }
    }
}
