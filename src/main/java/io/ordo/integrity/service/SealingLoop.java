package io.ordo.integrity.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.IntegrityProperties;
import io.ordo.integrity.ledger.LedgerSealer;
import io.ordo.integrity.ledger.SealResult;
import io.ordo.integrity.ledger.StoredEvent;
import io.ordo.platform.storage.EventArrivals;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the sealer on a thread of its own: woken by every commit this instance's event store reader sees
 * ({@link EventArrivals}), and every {@code seal-interval} as a safety net (another instance's commits, a gap that
 * timed out). Each wake-up seals batch after batch until caught up. A failure is logged and counted and retried on the
 * next wake-up: the events stay in the store, nothing is lost, only sealed later.
 */
@Component
@ConditionalOnLedger
class SealingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SealingLoop.class);

    private final LedgerSealer sealer;
    private final DataSource dataSource;
    private final IntegrityProperties properties;
    private final ObjectProvider<EventArrivals> arrivals;
    private final Semaphore wake = new Semaphore(0);
    private final Timer lag;
    private final Counter sealed;
    private final Counter failures;
    private volatile boolean running;
    private Thread thread;
    private Registration arrivalsRegistration;

    SealingLoop(
            LedgerSealer sealer,
            DataSource dataSource,
            IntegrityProperties properties,
            ObjectProvider<EventArrivals> arrivals,
            MeterRegistry meters) {
        this.sealer = sealer;
        this.dataSource = dataSource;
        this.properties = properties;
        this.arrivals = arrivals;
        this.lag = Timer.builder("ordo.integrity.seal.lag")
                .description("From an event's timestamp to its sealing into the ledger")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.sealed = Counter.builder("ordo.integrity.sealed")
                .description("Events sealed into the ledger")
                .register(meters);
        this.failures = Counter.builder("ordo.integrity.seal.failures")
                .description("Seal transactions that failed (retried on the next wake-up)")
                .register(meters);
    }

    @Override
    public void start() {
        running = true;
        arrivals.ifAvailable(source -> arrivalsRegistration = source.onArrival(this::wakeUp));
        thread = new Thread(this::run, "ledger-sealer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (arrivalsRegistration != null) {
            arrivalsRegistration.cancel();
        }
        wake.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Called on the event store reader's thread once per event: only a permit, if none is waiting yet. */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            sealUntilCaughtUp();
            try {
                wake.tryAcquire(properties.sealInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sealUntilCaughtUp() {
        try (Connection connection = dataSource.getConnection()) {
            SealResult result;
            do {
                result = sealer.sealOnce(connection);
                record(result);
            } while (running && result.mayHaveMore(properties.batchSize()));
        } catch (Exception e) {
            failures.increment();
            log.warn("Sealing the ledger failed; retrying on the next wake-up", e);
        }
    }

    private void record(SealResult result) {
        Instant now = Instant.now();
        for (StoredEvent event : result.sealedEvents()) {
            try {
                lag.record(Duration.between(Instant.parse(event.timestamp()), now));
            } catch (DateTimeParseException e) {
                // not Axon's timestamp format: no lag to tell
            }
        }
        sealed.increment(result.sealedEvents().size());
        if (result.checkpoint() != null) {
            log.debug(
                    "Signed ledger checkpoint of tree size {}",
                    result.checkpoint().treeSize());
        }
    }
}
