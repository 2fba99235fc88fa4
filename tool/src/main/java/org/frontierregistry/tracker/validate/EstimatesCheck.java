package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.frontierregistry.tracker.estimate.ChipCatalogue;
import org.frontierregistry.tracker.estimate.Consistency;
import org.frontierregistry.tracker.estimate.EstimateFailure;
import org.frontierregistry.tracker.estimate.Estimator;
import org.frontierregistry.tracker.estimate.RecordEstimate;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * Every estimate recomputes from its inputs, the headline from the estimates, and the status from
 * p_above (unless a verified reviewer overrode it with status_reasoning). Each problem states the
 * expected value, so it can be pasted without running the tool.
 */
public final class EstimatesCheck implements RecordCheck {
    private final Supplier<ChipCatalogue> catalogue;
    /** Starts reading the shipped catalogue and fit; null for a check given its catalogue. */
    private final Runnable prefetch;
    private final AtomicBoolean prepared = new AtomicBoolean();

    public EstimatesCheck(ChipCatalogue catalogue) {
        this(() -> catalogue, null);
    }

    private EstimatesCheck(Supplier<ChipCatalogue> catalogue, Runnable prefetch) {
        this.catalogue = catalogue;
        this.prefetch = prefetch;
    }

    /**
     * The check with the tool's chip catalogue and imputation fit, read on a thread of their own once
     * {@link #prepare()} says records are being read (the catalogue is needed only when they are checked),
     * or on the spot if the check comes first.
     */
    static EstimatesCheck standard() {
        FutureTask<ChipCatalogue> shipped = new FutureTask<>(() -> {
            ImputationModel.standard();
            return ChipCatalogue.standard();
        });
        Runnable prefetch = () -> {
            Thread reader = new Thread(shipped, "tracker-catalogue");
            reader.setDaemon(true);
            reader.start();
        };
        return new EstimatesCheck(() -> {
            try {
                shipped.run(); // does nothing when the reader thread has run it or is running it
                return shipped.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the chip catalogue", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }, prefetch);
    }

    @Override
    public void prepare() {
        if (prefetch != null && prepared.compareAndSet(false, true)) {
            prefetch.run();
        }
    }

    @Override
    public List<Problem> check(RecordSet records) {
        Estimator estimator = new Estimator(records.records(), catalogue.get());
        // Records are estimated on every core; each one's problems stay in the records' order.
        List<Problem> problems = new ArrayList<>();
        records.reported().parallelStream().map(loaded -> check(estimator, loaded)).toList().forEach(problems::addAll);
        return problems;
    }

    private static List<Problem> check(Estimator estimator, LoadedRecord loaded) {
        List<Problem> problems = new ArrayList<>();
        RecordEstimate estimate = estimator.estimate(loaded.id());
        if (estimate.record() == loaded.record()) { // otherwise a second record with the same id: UniqueNamesCheck reports it
            for (EstimateFailure f : estimate.failures()) {
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation(f.pointer()), "estimate-inputs",
                        "estimate " + (f.index() + 1) + ": " + f.message(), f.hint()));
            }
            for (Consistency.Mismatch m : Consistency.of(estimate)) {
                String hint = m.code().equals("status") && !estimate.record().verified()
                        ? "Set 'status: " + m.expected() + "', or run: " + DerivedValues.command(loaded.id())
                        : m.expected() == null ? "Delete it, or run: " + DerivedValues.command(loaded.id())
                        : "Paste the value above, or run: " + DerivedValues.command(loaded.id());
                problems.add(new Problem(loaded.file(), loaded.document().valueLocation(m.pointer()), m.code(), m.message(), hint));
            }
        }
        return problems;
    }
}
