package io.ordo.platform.axonserver;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link AxonServerNotAnswering} into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack
 * trace (registered in META-INF/spring.factories).
 */
class AxonServerFailureAnalyzer extends AbstractFailureAnalyzer<AxonServerNotAnswering> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AxonServerNotAnswering cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Start Axon Server as " + AxonServerNotAnswering.DOCS + " describes and point AXON_SERVER"
                        + " (axon.axonserver.servers) at it, currently " + cause.servers()
                        + "; or start Ordo without the axonserver profile to use the embedded store.",
                cause);
    }
}
