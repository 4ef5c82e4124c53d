package io.ordo.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.OrdoApplication;
import io.ordo.inventory.api.commands.RegisterProduct;
import io.ordo.inventory.api.queries.FindProduct;
import io.ordo.inventory.api.queries.ProductView;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A payment deadline is kept in the database, not in memory: scheduled by one application context, it fires in the
 * next one after a restart, exactly once, and cancels the unpaid order.
 */
class PaymentDeadlineRestartIT {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void aPaymentDeadlineScheduledBeforeARestartFiresOnceAfterIt() throws Exception {
        AtomicInteger firedBeforeRestart = new AtomicInteger();
        try (ConfigurableApplicationContext first = start(firedBeforeRestart)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterProduct("mug", "Mug", new BigDecimal("9.50"), "EUR", 5));
            commands.sendAndWait(new PlaceOrder(
                    "order-1",
                    "customer-1",
                    "EUR",
                    List.of(new OrderLine("mug", "Mug", 2, new BigDecimal("9.50"))),
                    new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE")));
            commands.sendAndWait(new ConfirmOrder("order-1"));
            DataSource database = first.getBean(DataSource.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> scheduledDeadlines(database), count -> count == 1);
        }
        assertThat(firedBeforeRestart).hasValue(0);

        AtomicInteger firedAfterRestart = new AtomicInteger();
        try (ConfigurableApplicationContext second = start(firedAfterRestart)) {
            OrderView cancelled = await().atMost(Duration.ofSeconds(40))
                    .until(() -> order(second), order -> order.status() == OrderStatus.CANCELLED);
            assertThat(cancelled.cancellationReason()).isEqualTo("payment timeout");

            DataSource database = second.getBean(DataSource.class);
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> firedAfterRestart.get() == 1 && scheduledDeadlines(database) == 0);
            long cancellations = second.getBean(EventStore.class)
                    .readEvents("order-1")
                    .asStream()
                    .filter(event -> event.getPayloadType().getSimpleName().equals("OrderCancelled"))
                    .count();
            assertThat(cancellations).isEqualTo(1);
            ProductView mug = await().atMost(Duration.ofSeconds(20))
                    .until(() -> product(second), product -> product.available() == 5);
            assertThat(mug.reserved()).isZero();
        }
    }

    /** Starts the service on the shared data directory, counting the payment deadlines it handles. */
    private ConfigurableApplicationContext start(AtomicInteger paymentDeadlinesFired) {
        BeanPostProcessor countDeadlines = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DeadlineManager deadlines) {
                    deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
                        DeadlineMessage<?> deadline = unitOfWork.getMessage();
                        if (OrderFulfilmentSaga.PAYMENT_DEADLINE.equals(deadline.getDeadlineName())) {
                            paymentDeadlinesFired.incrementAndGet();
                        }
                        return chain.proceed();
                    });
                }
                return bean;
            }
        };
        return new SpringApplicationBuilder(OrdoApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(countDeadlines))
                .run(
                        "--ordo.data-dir=" + dataDir.toAbsolutePath(),
                        "--server.port=0",
                        "--ordo.fulfilment.payment-timeout=" + PAYMENT_TIMEOUT.toSeconds() + "s",
                        "--db-scheduler.polling-interval=1s");
    }

    private static int scheduledDeadlines(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from scheduled_tasks")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static OrderView order(ConfigurableApplicationContext context) {
        return context.getBean(QueryGateway.class)
                .query(new FindOrder("order-1"), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join()
                .orElse(null);
    }

    private static ProductView product(ConfigurableApplicationContext context) {
        return context.getBean(QueryGateway.class)
                .query(new FindProduct("mug"), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .orElse(null);
    }
}
