package org.frontierregistry.tracker.record;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The records of a registry, in a fixed order (publication date, then id), addressable by id. */
public final class RecordSet {
    public static final Comparator<ModelRecord> ORDER = Comparator
            .comparing(ModelRecord::publicationDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelRecord::id);

    private final List<LoadedRecord> loaded;
    private final Map<String, LoadedRecord> byId;

    public RecordSet(List<LoadedRecord> records) {
        this.loaded = records.stream()
                .sorted(Comparator.comparing(LoadedRecord::record, ORDER))
                .toList();
        Map<String, LoadedRecord> index = new LinkedHashMap<>();
        for (LoadedRecord r : loaded) {
            index.putIfAbsent(r.id(), r);
        }
        this.byId = Collections.unmodifiableMap(index);
    }

    public List<LoadedRecord> loaded() {
        return loaded;
    }

    public List<ModelRecord> records() {
        return loaded.stream().map(LoadedRecord::record).toList();
    }

    public Optional<LoadedRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return loaded.size();
    }
}
