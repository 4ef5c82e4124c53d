package io.ordo.platform.isolation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * What this instance has learnt about events whose batch could not be committed, per processing group: which events
 * were in a failed batch (suspects, handled one by one with a flush next time) and which one of them failed on its own
 * (poisoned, parked in the dead-letter queue next time without being handled). Both are bounded and expire, so a batch
 * that never comes back (its segment moved to another instance) costs nothing for long.
 */
class SuspectEvents {

    private static final int MOST = 10_000;
    private static final Duration KEPT = Duration.ofHours(1);

    private final Cache<Key, Boolean> suspects =
            Caffeine.newBuilder().maximumSize(MOST).expireAfterWrite(KEPT).build();
    private final Cache<Key, Throwable> poisoned =
            Caffeine.newBuilder().maximumSize(MOST).expireAfterWrite(KEPT).build();

    boolean isSuspect(String group, String eventId) {
        return suspects.getIfPresent(new Key(group, eventId)) != null;
    }

    Optional<Throwable> poisonOf(String group, String eventId) {
        return Optional.ofNullable(poisoned.getIfPresent(new Key(group, eventId)));
    }

    void batchFailed(String group, Collection<String> eventIds) {
        eventIds.forEach(eventId -> suspects.put(new Key(group, eventId), true));
    }

    void poisoned(String group, String eventId, Throwable cause) {
        poisoned.put(new Key(group, eventId), cause);
    }

    /** The batch is stored: its events, parked or not, will not come back to this group's processor. */
    void batchCommitted(String group, Collection<String> eventIds) {
        if (suspects.estimatedSize() == 0 && poisoned.estimatedSize() == 0) {
            return; // the usual case: nothing has failed lately
        }
        eventIds.forEach(eventId -> {
            Key key = new Key(group, eventId);
            suspects.invalidate(key);
            poisoned.invalidate(key);
        });
    }

    private record Key(String group, String eventId) {}
}
