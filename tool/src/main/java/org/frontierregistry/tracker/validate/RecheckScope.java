package org.frontierregistry.tracker.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.RecordSummary;
import org.frontierregistry.tracker.record.RegistryLayout;

/**
 * The files a validation of the whole registry must check again when the registry was found clean earlier
 * (same day, tool and schema) and some files changed or went since. Every check but two looks at one record
 * at a time, so an unchanged file's findings are still the clean run's (none), unless a check across records
 * ties it to a change:
 *
 * <ul>
 *   <li>unique names: an unchanged record with an id, name or alias a changed record now has;</li>
 *   <li>the estimates: an unchanged record whose comparisons reach, directly or through other records, a
 *       record that changed, went or arrived (its headline, and so this record's, may move; a reference may
 *       now dangle or close a cycle).</li>
 * </ul>
 *
 * A record's id in a clean run is its file name (a mismatch is a problem), so a changed or removed file stands
 * for the id it had.
 */
final class RecheckScope {
    private RecheckScope() {
    }

    /**
     * @param changes        what changed since the clean run, with the unchanged files' summaries
     * @param changedRecords the records the changed files now give (those that read cleanly)
     * @return the changed files, then the unchanged ones tied to them, in that order
     */
    static Set<Path> of(ValidationCache.Changes changes, List<ModelRecord> changedRecords) {
        Set<String> newIds = new HashSet<>();
        Set<String> newNames = new HashSet<>();
        for (ModelRecord record : changedRecords) {
            newIds.add(record.id());
            addName(newNames, record.name());
            record.aliases().forEach(alias -> addName(newNames, alias));
        }
        Set<String> movedIds = new HashSet<>(newIds);
        changes.changed().forEach(file -> movedIds.add(RegistryLayout.idOf(file.getFileName().toString())));
        changes.removed().forEach(file -> movedIds.add(RegistryLayout.idOf(file.getFileName().toString())));

        Set<Path> recheck = new LinkedHashSet<>(changes.changed());
        // Normalising 20,000 names is most of this at 10,000 records: on every core.
        changes.unchanged().entrySet().parallelStream()
                .filter(unchanged -> newIds.contains(unchanged.getValue().id()) || sharesAName(unchanged.getValue(), newNames))
                .map(Map.Entry::getKey).toList().forEach(recheck::add);
        Map<String, List<Path>> referrers = new HashMap<>();
        changes.unchanged().forEach((file, summary) ->
                summary.references().forEach(id -> referrers.computeIfAbsent(id, k -> new ArrayList<>()).add(file)));
        ReferenceWalk.from(movedIds, id -> {
            List<String> next = new ArrayList<>();
            for (Path referrer : referrers.getOrDefault(id, List.of())) {
                recheck.add(referrer);
                next.add(changes.unchanged().get(referrer).id());
            }
            return next;
        });
        return recheck;
    }

    private static boolean sharesAName(RecordSummary summary, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        if (summary.name() != null && names.contains(NameKey.of(summary.name()))) {
            return true;
        }
        return summary.aliases().stream().anyMatch(alias -> alias != null && names.contains(NameKey.of(alias)));
    }

    private static void addName(Set<String> names, String name) {
        if (name != null) {
            names.add(NameKey.of(name));
        }
    }
}
