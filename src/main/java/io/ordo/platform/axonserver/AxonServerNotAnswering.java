package io.ordo.platform.axonserver;

import java.time.Duration;

/**
 * No Axon Server answered at start-up although this instance needs one. Its message is the one line an operator reads:
 * the address tried, that the profile requires Axon Server, and where the docs say how to start it.
 */
public class AxonServerNotAnswering extends RuntimeException {

    /** The section of docs/deployment.md that says how to start Axon Server. */
    public static final String DOCS = "docs/deployment.md#axon-server";

    private final String servers;

    AxonServerNotAnswering(String servers, Duration waited) {
        super("No Axon Server answered at " + servers + " within " + waited.toSeconds()
                + " s: the axonserver profile requires one (" + DOCS + " says how to start it)");
        this.servers = servers;
    }

    public String servers() {
        return servers;
    }
}
