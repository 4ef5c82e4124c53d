package io.ordo.platform.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Where a projection's rows go: its live tables, or, for a unit of work that an audit marked, the shadow tables beside
 * them ({@code shadow_} and the live name). The projections' own handlers rebuild the shadow that way, so an audit
 * checks the code that wrote the live rows, not a copy of it; the live processors never see the mark.
 */
public final class ShadowTables {

    /** What a shadow table's name starts with; the rest is its live table's name. */
    public static final String PREFIX = "shadow_";

    private static final String RESOURCE = ShadowTables.class.getName();

    private ShadowTables() {}

    /** Sends the writes of this unit of work's handlers to the shadow tables. */
    public static void redirect(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(RESOURCE, Boolean.TRUE);
    }

    /** Whether the handlers running now write the shadow tables. */
    public static boolean active() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(RESOURCE));
    }

    /** The table the handlers running now write instead of {@code table}. */
    public static String current(String table) {
        return active() ? shadowOf(table) : table;
    }

    public static String shadowOf(String table) {
        return PREFIX + table;
    }
}
