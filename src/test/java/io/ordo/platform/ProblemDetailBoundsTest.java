package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The last bound on what a problem answer can quote back. */
class ProblemDetailBoundsTest {

    @Test
    void cutsALongDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "x".repeat(100_000));

        ProblemDetailBounds.bound(problem);

        assertThat(problem.getDetail())
                .hasSize(ProblemDetailBounds.MAX_DETAIL + 1)
                .endsWith("…");
    }

    @Test
    void leavesAShortDetailAndInstanceAlone() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "order order-1 does not exist");
        problem.setInstance(URI.create("/api/orders/order-1"));

        ProblemDetailBounds.bound(problem);

        assertThat(problem.getDetail()).isEqualTo("order order-1 does not exist");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/orders/order-1"));
    }

    @Test
    void cutsALongInstanceWithoutSplittingAnEscape() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setInstance(URI.create("/api/orders/" + "a".repeat(86) + "%C3%A9".repeat(500)));

        ProblemDetailBounds.bound(problem);

        assertThat(problem.getInstance().toString())
                .hasSizeLessThanOrEqualTo(ProblemDetailBounds.MAX_INSTANCE)
                .startsWith("/api/orders/aaa")
                .doesNotEndWith("%")
                .doesNotEndWith("%C");
    }
}
