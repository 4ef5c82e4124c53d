package io.ordo.platform.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.ordo.platform.ProblemWriter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The query instance's refusal, on Spring MVC's own handler mapping but without a Spring Boot context: the
 * integration test {@code CommandAndQueryInstancesIT} shows it on the real endpoints.
 */
class CommandRefusalFilterTest {

    @RestController
    static class Things {

        @CommandEndpoint
        @PostMapping("/api/things")
        void register() {}

        @GetMapping("/api/things")
        void list() {}

        @PostMapping("/api/admin/things/replay")
        void replay() {}
    }

    @RestController
    @CommandEndpoint
    static class Orders {

        @PostMapping("/api/orders/{orderId}/confirm")
        void confirm(@PathVariable String orderId) {}
    }

    private final ProblemWriter problems = mock(ProblemWriter.class);
    private CommandRefusalFilter filter;

    @BeforeEach
    void mapTheEndpoints() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.registerSingleton("things", Things.class);
        context.registerSingleton("orders", Orders.class);
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        filter = new CommandRefusalFilter(
                new StaticListableBeanFactory(Map.of("requestMappingHandlerMapping", mapping))
                        .getBeanProvider(RequestMappingHandlerMapping.class),
                problems);
    }

    @Test
    void aCommandEndpointIsRefusedWith421NamingTheRoleAndNeverReachesTheChain() throws Exception {
        for (MockHttpServletRequest request :
                new MockHttpServletRequest[] {post("/api/things"), post("/api/orders/o-1/confirm")}) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getRequestURI()).isNull();
        }
        ArgumentCaptor<ProblemDetail> problem = ArgumentCaptor.forClass(ProblemDetail.class);
        verify(problems, org.mockito.Mockito.times(2)).write(any(), problem.capture());
        assertThat(problem.getValue().getStatus()).isEqualTo(421);
        assertThat(problem.getValue().getTitle()).isEqualTo("Misdirected Request");
        assertThat(problem.getValue().getDetail()).contains("ordo.role=query").contains("command or all");
        assertThat(problem.getValue().getProperties()).containsEntry("role", "query");
    }

    @Test
    void readsOperationsAndUnknownPathsPassUntouched() throws Exception {
        MockHttpServletRequest[] passing = {
            new MockHttpServletRequest("GET", "/api/things"),
            post("/api/admin/things/replay"),
            post("/api/nothing-here"),
            new MockHttpServletRequest("DELETE", "/api/things"),
        };
        for (MockHttpServletRequest request : passing) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest())
                    .as(request.getMethod() + " " + request.getRequestURI())
                    .isSameAs(request);
            assertThat(ServletRequestPathUtils.hasParsedRequestPath(request)).isFalse();
        }
        verify(problems, never()).write(any(), any());
    }

    @Test
    void theRoleIsOneOfThreeWhateverTheCaseAndNothingElse() {
        assertThat(InstanceRole.of(new MockEnvironment())).isEqualTo(InstanceRole.ALL);
        assertThat(InstanceRole.of(new MockEnvironment().withProperty("ordo.role", " Query ")))
                .isEqualTo(InstanceRole.QUERY);
        assertThatThrownBy(() -> InstanceRole.of(new MockEnvironment().withProperty("ordo.role", "reader")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all, command, query");
    }

    private static MockHttpServletRequest post(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
