package org.frontierregistry.tracker.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;

/** Leave-one-out on the repository's own records: each held-out record is predicted by a fit that never saw it. */
class RepositoryCalibrationTest {
    @Test
    void everyHeldOutRecordIsPredictedFromTheOthersOnly() throws Exception {
        RegistryLayout layout = new RegistryLayout(TempRegistry.realRepository());
        List<ModelRecord> records = Validator.forRegistry(layout, Clock.systemUTC()).validateAll(layout).records().records();
        Estimator estimator = Estimator.of(records);
        BenchmarkImputer imputer = estimator.imputer();
        Calibration.Result result = Calibration.leaveOneOut(imputer);

        assertEquals(imputer.observations().size(), result.n() + result.skipped().size());
        for (Calibration.Row row : result.rows()) {
            ModelRecord held = records.stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
            // The truth is the record's compute from its direct methods...
            assertEquals(Combiner.combine(estimator.direct(held)).log10Mean(), row.known(), 1e-12, row.id());
            // ...and the prediction is unchanged when the held-out record is removed from the data altogether.
            List<BenchmarkImputer.Observation> others = imputer.observations().stream().filter(o -> !o.id().equals(row.id())).toList();
            var without = new BenchmarkImputer(others).impute(row.id(), held.publicationDate(), held.benchmarks(), row.benchmarks()).orElseThrow();
            assertEquals(without.prediction().mean(), row.predicted(), 1e-9, row.id());
            assertTrue(row.low90() < row.predicted() && row.predicted() < row.high90(), row.id());
        }
        if (result.n() > 0) {
            assertFalse(Double.isNaN(result.medianAbsLog10Error()));
            assertTrue(result.coverage90() >= 0 && result.coverage90() <= 1);
        }
    }
}
