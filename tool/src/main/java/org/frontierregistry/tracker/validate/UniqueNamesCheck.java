package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.NameKey;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/** No two records share an id, and no name or alias (after {@link NameKey} normalisation) belongs to two records. */
public final class UniqueNamesCheck implements RecordCheck {
    /** A name of a record: its name ({@code alias} -1) or one of its aliases. */
    private record Owner(LoadedRecord record, int alias, String written) {
        String pointer() {
            return alias < 0 ? "/name" : "/aliases/" + alias;
        }
    }

    /** Both records get the problem: either file may be the one a contributor is editing. */
    private static Problem shared(Owner here, Owner other) {
        return new Problem(here.record().file(), here.record().document().valueLocation(here.pointer()), "duplicate-alias",
                "'" + here.written() + "' is also a name of record '" + other.record().id() + "' (as '" + other.written() + "')",
                "A name may belong to one model only. If both records are the same model, merge them; "
                        + "otherwise remove or make this name more specific.");
    }

    @Override
    public List<Problem> check(RecordSet records) {
        List<Problem> problems = new ArrayList<>();
        int count = records.loaded().size();
        // Sized for the registry up front: growing the tables was a tenth of this check on 10,000 records.
        Map<String, LoadedRecord> ids = new HashMap<>(2 * count);
        Map<String, Owner> names = new HashMap<>(8 * count);
        for (LoadedRecord loaded : records.loaded()) {
            LoadedRecord first = ids.putIfAbsent(loaded.id(), loaded);
            if (first != null) {
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation("/id"), "duplicate-id",
                        "id '" + loaded.id() + "' is also used by " + first.file(),
                        "Each model has one record; merge the two files or give this one a distinct id."));
            }
            List<String> aliases = loaded.record().aliases();
            claim(names, new Owner(loaded, -1, loaded.record().name()), problems);
            for (int i = 0; i < aliases.size(); i++) {
                claim(names, new Owner(loaded, i, aliases.get(i)), problems);
            }
        }
        return problems;
    }

    private static void claim(Map<String, Owner> names, Owner owner, List<Problem> problems) {
        Owner previous = names.putIfAbsent(NameKey.of(owner.written()), owner);
        if (previous != null && previous.record() != owner.record()) {
            problems.add(shared(owner, previous));
            problems.add(shared(previous, owner));
        }
    }
}
