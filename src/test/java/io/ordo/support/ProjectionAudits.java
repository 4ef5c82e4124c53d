package io.ordo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** The projection audit ({@code /api/admin/projections/{name}/audit}) as a test asks it: rebuild and compare. */
public final class ProjectionAudits {

    private ProjectionAudits() {}

    /**
     * Audits the projection (it waits for the live processor to pass the rebuild's position) and answers the finished
     * audit, which must have COMPLETED.
     */
    public static JsonNode audit(HttpJson admin, String projection) {
        assertThat(admin.post("/api/admin/projections/" + projection + "/audit", null)
                        .status())
                .isEqualTo(202);
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            finished[0] =
                    admin.get("/api/admin/projections/" + projection + "/audit").json();
            assertThat(finished[0].get("status").asText()).isNotEqualTo("RUNNING");
        });
        assertThat(finished[0].get("status").asText())
                .as(finished[0].toString())
                .isEqualTo("COMPLETED");
        return finished[0];
    }

    /** The projection's rows equal a rebuild from the events, every row and column. */
    public static void assertEqualsRebuild(HttpJson admin, String projection) {
        JsonNode audit = audit(admin, projection);
        assertThat(audit.get("differences")).as(projection + ": " + audit).isEmpty();
    }
}
