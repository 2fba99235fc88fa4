package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.frontierregistry.tracker.record.ModelRecord;

/**
 * Filter, sort, cut: the engine behind {@code tracker query}. Sorting is stable: records equal on every
 * sort key keep the registry's order (publication date, then id), so the output never depends on chance.
 */
public record Query(Criteria criteria, List<String> sort, Integer limit) {
    public Query {
        sort = sort == null ? List.of() : List.copyOf(sort);
        if (limit != null && limit < 0) {
            throw new QueryException("--limit expects zero or a positive number, not " + limit);
        }
        comparator(sort);
    }

    /** The records shown, and how many matched before --limit cut the list. */
    public record Result(List<ModelRecord> rows, int matched) {
    }

    /** @param records in the registry's order (a {@code RecordSet}'s) */
    public Result run(List<ModelRecord> records) {
        List<ModelRecord> kept = new ArrayList<>(records.stream().filter(criteria.predicate()).toList());
        Comparator<ModelRecord> order = comparator(sort);
        if (order != null) {
            kept.sort(order);
        }
        return new Result(limit == null || kept.size() <= limit ? kept : List.copyOf(kept.subList(0, limit)), kept.size());
    }

    /** {@code field}, {@code field:asc} or {@code field:desc}, in priority order; null when none given. */
    static Comparator<ModelRecord> comparator(List<String> keys) {
        Comparator<ModelRecord> order = null;
        for (String spec : keys) {
            String[] parts = spec.strip().split(":", -1);
            Field field = Fields.named(parts[0], "sort field");
            boolean descending = false;
            if (parts.length == 2) {
                String direction = parts[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw new QueryException("--sort " + spec + ": the direction after ':' must be asc or desc");
                }
                descending = direction.equals("desc");
            } else if (parts.length > 2) {
                throw new QueryException("--sort " + spec + ": write FIELD or FIELD:desc");
            }
            Comparator<ModelRecord> next = descending ? field.descending() : field.ascending();
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }
}
