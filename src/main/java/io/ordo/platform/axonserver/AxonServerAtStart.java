package io.ordo.platform.axonserver;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Connects to Axon Server once every bean exists and before anything starts (Axon's processors, the web server), and
 * fails the start with {@link AxonServerNotAnswering} if no connection is up within
 * {@code ordo.axonserver.start-timeout}. Without it the processors would each try 30 times to read the event store's
 * head, printing a stack trace per try, and fail after about 30 s with no hint of what is missing.
 */
class AxonServerAtStart implements SmartInitializingSingleton {

    private static final Duration RECHECK = Duration.ofMillis(100);

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration axonServer;
    private final Duration timeout;

    AxonServerAtStart(
            AxonServerConnectionManager connections,
            AxonServerConfiguration axonServer,
            AxonServerStartProperties properties) {
        this.connections = connections;
        this.axonServer = axonServer;
        this.timeout = properties.startTimeout();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (timeout.isZero()) {
            return;
        }
        // the connector connects on the first request for a connection and keeps reconnecting in the background
        connections.getConnection();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connections.isConnected(connections.getDefaultContext())) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AxonServerNotAnswering(axonServer.getServers(), timeout);
            }
            // start-up on the main thread: nothing to hand the wait to, and a short park keeps the answer prompt
            LockSupport.parkNanos(RECHECK.toNanos());
        }
    }
}
