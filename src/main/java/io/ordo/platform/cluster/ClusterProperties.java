package io.ordo.platform.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance takes part among several on one database ({@code ordo.cluster.*}).
 *
 * @param nodeId the name this instance claims segments and beats its heartbeat under; by default the JVM's
 *     {@code pid@host}, as Axon's token store uses. Set it where two instances may share a host name and pid, as in
 *     containers that all run as pid 1 on one host name, or two contexts in one JVM.
 * @param balanceSegments divide each pooled processor's segments evenly among the live instances
 * @param heartbeatInterval how often an instance says it is alive and counts the others
 */
@ConfigurationProperties("ordo.cluster")
public record ClusterProperties(
        String nodeId,
        boolean balanceSegments,
        @DefaultValue("2s") Duration heartbeatInterval) {

    /** The configured node id, or the JVM's {@code pid@host}. */
    public String effectiveNodeId() {
        return nodeId == null || nodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName()
                : nodeId;
    }
}
