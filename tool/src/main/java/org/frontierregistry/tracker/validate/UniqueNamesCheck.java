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
    private record Owner(LoadedRecord record, String pointer, String written) {
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
        Map<String, LoadedRecord> ids = new HashMap<>();
        Map<String, Owner> names = new HashMap<>();
        for (LoadedRecord loaded : records.loaded()) {
            LoadedRecord first = ids.putIfAbsent(loaded.id(), loaded);
            if (first != null) {
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation("/id"), "duplicate-id",
                        "id '" + loaded.id() + "' is also used by " + first.file(),
                        "Each model has one record; merge the two files or give this one a distinct id."));
            }
            List<Owner> own = new ArrayList<>();
            own.add(new Owner(loaded, "/name", loaded.record().name()));
            for (int i = 0; i < loaded.record().aliases().size(); i++) {
                own.add(new Owner(loaded, "/aliases/" + i, loaded.record().aliases().get(i)));
            }
            for (Owner owner : own) {
                String key = NameKey.of(owner.written());
                Owner previous = names.putIfAbsent(key, owner);
                if (previous != null && previous.record() != loaded) {
                    problems.add(shared(owner, previous));
                    problems.add(shared(previous, owner));
                }
            }
        }
        return problems;
    }
}
