package io.ordo.platform.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Caps how many segments of a processor this instance may claim at its share: the processor's segments divided by the
 * live instances, rounded up. Axon's pooled processor asks on every claim cycle ({@code token-claim-interval}), claims
 * no more than this and releases what it holds above it, and the other instances claim what was released. When an
 * instance goes away the share grows and the rest take over its segments.
 */
class FairShareOfSegments implements MaxSegmentProvider {

    private final ClusterMembership membership;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();

    FairShareOfSegments(ClusterMembership membership, TokenStore tokenStore, TransactionManager transactions) {
        this.membership = membership;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        membership.onHeartbeat(this::refresh);
    }

    @Override
    public int getMaxSegments(String processorName) {
        Integer segments = segmentCounts.computeIfAbsent(processorName, this::countSegments);
        if (segments == null) {
            // not initialised yet: the processor creates its segments before it claims any
            return Short.MAX_VALUE;
        }
        int instances = membership.liveNodes();
        return Math.max(1, (segments + instances - 1) / instances);
    }

    /** Recounts the segments of the processors seen so far: a split or merge changes them at run time. */
    void refresh() {
        segmentCounts.replaceAll((processorName, segments) -> {
            Integer counted = countSegments(processorName);
            return counted == null ? segments : counted;
        });
    }

    private Integer countSegments(String processorName) {
        int segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processorName).length);
        return segments == 0 ? null : segments;
    }
}
