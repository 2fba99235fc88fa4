package org.frontierregistry.tracker.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.scrape.NameNormaliser;
import org.frontierregistry.tracker.validate.DidYouMean;

/** Finds one record by id, or by a name, alias or outside id written in any case or punctuation (then loosely, as the scrapers match). */
public final class Lookup {
    private Lookup() {
    }

    public static LoadedRecord find(RecordSet records, String wanted) {
        var byId = records.find(wanted.strip());
        if (byId.isPresent()) {
            return byId.get();
        }
        String key = NameKey.of(wanted);
        List<LoadedRecord> named = records.loaded().stream()
                .filter(r -> r.record().allNames().stream().anyMatch(n -> NameKey.of(n).equals(key)))
                .toList();
        if (named.isEmpty() && !NameNormaliser.key(wanted).isEmpty()) {
            // The scrapers' looser key: owner prefixes, dates and release words do not count.
            String loose = NameNormaliser.key(wanted);
            named = records.loaded().stream()
                    .filter(r -> r.record().allNames().stream().anyMatch(n -> NameNormaliser.key(n).equals(loose)))
                    .toList();
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new QueryException("'" + wanted + "' names several records: "
                    + String.join(", ", named.stream().map(LoadedRecord::id).toList()) + "; give the id.");
        }
        Set<String> candidates = new LinkedHashSet<>();
        records.loaded().forEach(r -> candidates.add(r.id()));
        throw new QueryException("no record '" + wanted + "'. " + DidYouMean.phrase(wanted, candidates)
                + "Search with: tracker query --search \"" + wanted.replace("\"", "") + "\"");
    }
}
