package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RecordSetTest {
    /** The order as first written: by publication date, records without one last, then by id. */
    private static final Comparator<ModelRecord> AS_SPECIFIED = Comparator
            .comparing(ModelRecord::publicationDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ModelRecord::id);

    @Property
    void recordsAreOrderedByDateThenIdWithUndatedOnesLast(@ForAll("records") ModelRecord a, @ForAll("records") ModelRecord b) {
        assertEquals(Integer.signum(AS_SPECIFIED.compare(a, b)), Integer.signum(RecordSet.ORDER.compare(a, b)), a + " / " + b);
    }

    @Property(tries = 300)
    void aSetListsItsRecordsAsAStableSortByTheOrderDoes(@ForAll("lists") List<ModelRecord> records) {
        List<LoadedRecord> loaded = records.stream().map(r -> new LoadedRecord(r, null)).toList();
        List<LoadedRecord> expected = loaded.stream().sorted((a, b) -> AS_SPECIFIED.compare(a.record(), b.record())).toList();
        List<LoadedRecord> actual = new RecordSet(loaded).loaded();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), "place " + i);
        }
    }

    @Provide
    Arbitrary<List<ModelRecord>> lists() {
        Arbitrary<LocalDate> dates = Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31),
                LocalDate.of(2024, 7, 23), LocalDate.of(2024, 7, 24), LocalDate.of(2023, 1, 1)).injectNull(0.2);
        Arbitrary<String> ids = Arbitraries.of("a", "b", "llama", "gpt-4", "gpt-4o", "Ä");
        return Combinators.combine(dates, ids).as((date, id) -> new ModelRecord(id, id, null, null, null, null, date, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null)).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<ModelRecord> records() {
        Arbitrary<LocalDate> dates = Arbitraries.of(LocalDate.of(2024, 7, 23), LocalDate.of(2024, 7, 24), LocalDate.of(2023, 1, 1))
                .injectNull(0.3);
        Arbitrary<String> ids = Arbitraries.of("a", "b", "llama", "gpt-4");
        return Combinators.combine(dates, ids).as((date, id) -> new ModelRecord(id, id, null, null, null, null, date, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
