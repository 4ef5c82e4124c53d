package io.ordo.analytics.query;

import io.ordo.analytics.api.AnalyticsChange;
import io.ordo.analytics.api.AnalyticsFigure;
import io.ordo.analytics.api.WatchAnalytics;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/**
 * Collects the figures a processor batch changes and tells the {@link WatchAnalytics} subscribers once per batch. The
 * update is emitted in the batch's prepare-commit phase, and Axon's emitter holds it back until the unit of work has
 * committed, so a subscriber that reads the figures on hearing it sees them; a batch that rolls back says nothing.
 */
final class AnalyticsChanges {

    private static final String RESOURCE = AnalyticsChanges.class.getName();

    private final QueryUpdateEmitter emitter;
    private final FigureCache cache;

    AnalyticsChanges(QueryUpdateEmitter emitter, FigureCache cache) {
        this.emitter = emitter;
        this.cache = cache;
    }

    void changed(Instant at, AnalyticsFigure... figures) {
        if (!CurrentUnitOfWork.isStarted()) {
            cache.changed();
            emit(new Pending(at, figures));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Pending pending = root.getResource(RESOURCE);
        if (pending == null) {
            Pending created = new Pending(at, figures);
            root.resources().put(RESOURCE, created);
            root.onPrepareCommit(unitOfWork -> emit(created));
            // before the update goes out (Axon sends it after commit too, later): a reader it wakes finds no stale
            // answer
            root.afterCommit(unitOfWork -> cache.changed());
        } else {
            pending.add(at, figures);
        }
    }

    private void emit(Pending pending) {
        emitter.emit(
                WatchAnalytics.class, query -> true, new AnalyticsChange(Set.copyOf(pending.figures), pending.latest));
    }

    private static final class Pending {

        private final EnumSet<AnalyticsFigure> figures = EnumSet.noneOf(AnalyticsFigure.class);
        private Instant latest;

        Pending(Instant at, AnalyticsFigure... figures) {
            add(at, figures);
        }

        void add(Instant at, AnalyticsFigure... more) {
            Collections.addAll(figures, more);
            if (latest == null || at.isAfter(latest)) {
                latest = at;
            }
        }
    }
}
