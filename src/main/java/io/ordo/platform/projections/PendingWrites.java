package io.ordo.platform.projections;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The row writes a unit of work holds back until it commits ({@link BatchedRows}), reachable without knowing whose
 * they are: poison isolation writes them right after a suspect event's handler, so that a failure is known to be that
 * event's, and drops what a failed handler left behind.
 */
public final class PendingWrites {

    private static final String RESOURCE = PendingWrites.class.getName();

    private final List<Writer> writers = new ArrayList<>();

    private PendingWrites() {}

    /** Writes what the handlers of this unit of work have changed so far. */
    public static void flush(UnitOfWork<?> unitOfWork) {
        PendingWrites pending = unitOfWork.root().getResource(RESOURCE);
        if (pending != null) {
            pending.writers.forEach(Writer::write);
        }
    }

    /** Forgets what the handlers of this unit of work have changed and not yet written. */
    public static void discard(UnitOfWork<?> unitOfWork) {
        PendingWrites pending = unitOfWork.root().getResource(RESOURCE);
        if (pending != null) {
            pending.writers.forEach(Writer::discard);
        }
    }

    /**
     * Adds a writer of rows held back by some other means than {@link BatchedRows} (counters summed over a batch, for
     * instance), so that poison isolation flushes and discards them with the rows.
     */
    public static void register(UnitOfWork<?> unitOfWork, Writer writer) {
        of(unitOfWork.root()).add(writer);
    }

    static PendingWrites of(UnitOfWork<?> root) {
        return root.getOrComputeResource(RESOURCE, key -> new PendingWrites());
    }

    void add(Writer writer) {
        writers.add(writer);
    }

    /** What a unit of work holds back: written when it commits or is isolated, dropped after a failed handler. */
    public interface Writer {

        void write();

        void discard();
    }
}
