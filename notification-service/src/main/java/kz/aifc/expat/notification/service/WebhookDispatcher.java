package kz.aifc.expat.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import kz.aifc.expat.notification.config.NotificationConfig;
import kz.aifc.expat.notification.messaging.EventTypes;
import kz.aifc.expat.notification.model.WebhookAttempt;
import kz.aifc.expat.notification.model.WebhookDelivery;
import kz.aifc.expat.notification.model.WebhookEndpoint;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends webhook deliveries, at least once, with the Standard Webhooks headers.
 *
 * <ul>
 *   <li>Claim: due PENDING deliveries of enabled endpoints, FOR UPDATE SKIP LOCKED, with a lease longer than one
 *   request — two replicas never send one delivery at once; a replica killed mid-request leaves it to be sent again
 *   after the lease (same webhook-id: the receiver deduplicates).</li>
 *   <li>Order: a delivery waits while an older one of the same application to the same endpoint is still pending,
 *   so one endpoint sees an application's events in order (a failing one holds back only its own application's
 *   followers, until it succeeds or is abandoned).</li>
 *   <li>Isolation: requests are non-blocking (Vert.x HTTP client) with at most
 *   {@code per-endpoint-concurrency} in flight per endpoint (counted from live leases, so across replicas) and a
 *   timeout each; each claim first picks endpoints with a free slot, then their deliveries, so a hanging receiver
 *   and its backlog occupy only its own slot while every other endpoint keeps being served.</li>
 *   <li>Retries: the configured schedule (±20 % jitter), then ABANDONED; an endpoint failing without a success for
 *   {@code disable-after} is disabled and the company e-mailed.</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** Fired in a transaction that made deliveries due (patch, replay): dispatch after it commits. */
    public record Due() {
    }

    record Outcome(Integer status, String excerpt, String error, int latencyMs) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Vertx vertx;

    @Inject
    NotificationConfig config;

    @Inject
    UrlGuard guard;

    @Inject
    ManagedExecutor executor;

    @Inject
    Scheduler scheduler;

    @Inject
    Intake intake;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    Event<Due> due;

    private HttpClient http;
    private final AtomicInteger total = new AtomicInteger();
    private Sweep sweep;

    void onStart(@Observes StartupEvent start) {
        int timeout = (int) config.webhooks().timeout().toMillis();
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                .setIdleTimeout(timeout).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                // the pool is per host and port, and many endpoints can share one partner host: sized so that it
                // never limits below max-in-flight (per-endpoint concurrency is the claim's job), else a few
                // hanging endpoints take every connection and that host's healthy endpoints queue behind them
                .setKeepAlive(true).setMaxPoolSize(config.webhooks().maxInFlight())
                .setForceSni(true).setVerifyHost(true).setTryUseCompression(false));
        sweep = new Sweep("webhook dispatcher", executor, () -> claim().forEach(this::send));
        sweep.start();
        scheduler.newJob("webhook-dispatcher").setInterval("1s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(e -> sweep.run()).schedule();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (sweep != null) {
            sweep.stop();
        }
        if (http != null) {
            http.close();
        }
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Intake.Recorded recorded) {
        if (recorded.deliveries()) {
            wake();
        }
    }

    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due d) {
        wake();
    }

    /** Called inside a transaction: dispatch once it commits. */
    public void wakeAfterCommit() {
        due.fire(new Due());
    }

    public void wake() {
        if (sweep != null) {
            sweep.wake();
        }
    }

    record Claimed(UUID id, UUID endpointId, String eventId, String body, String url, List<String> secrets,
                   int attempt) {
    }

    /** Due, not leased, not waiting behind an older pending delivery of the same application to the same endpoint. */
    private static final String DUE = "d.status = 'PENDING' AND e.enabled AND d.next_attempt_at <= :now "
            + "AND (d.lease_until IS NULL OR d.lease_until < :now) "
            + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.endpoint_id = d.endpoint_id "
            + "  AND o.status = 'PENDING' AND o.application_id = d.application_id AND o.seq < d.seq) ";

    /**
     * Claims in two steps so that one endpoint's backlog never hides another endpoint's work: first the endpoints
     * that have something due and a free request slot (live leases, of any replica, are the requests in flight),
     * oldest work first; then, per endpoint, its oldest due deliveries up to its free slots. (One window over all
     * due deliveries in sequence order let a few hanging endpoints' queued rows fill it, starving the rest.)
     */
    @SuppressWarnings("unchecked")
    List<Claimed> claim() {
        int room = config.webhooks().maxInFlight() - total.get();
        if (room <= 0) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = Intake.now();
            List<Object[]> ready = em.createNativeQuery("SELECT endpoint_id, free FROM (SELECT d.endpoint_id, "
                            + "min(d.seq) AS oldest, :per - (SELECT count(*) FROM webhook_delivery l "
                            + "  WHERE l.endpoint_id = d.endpoint_id AND l.status = 'PENDING' "
                            + "  AND l.lease_until >= :now) AS free "
                            + "FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE " + DUE
                            + "GROUP BY d.endpoint_id) r WHERE free > 0 ORDER BY oldest LIMIT :room")
                    .setParameter("per", config.webhooks().perEndpointConcurrency()).setParameter("now", now)
                    .setParameter("room", room).getResultList();
            List<Claimed> claimed = new ArrayList<>();
            for (Object[] row : ready) {
                int take = Math.min(((Number) row[1]).intValue(), room - claimed.size());
                if (take <= 0) {
                    break;
                }
                WebhookEndpoint e = em.find(WebhookEndpoint.class, row[0]);
                if (e == null) {
                    continue;
                }
                List<String> secrets = new ArrayList<>(List.of(e.secret));
                if (e.previousSecret != null && e.previousSecretUntil != null && e.previousSecretUntil.isAfter(now)) {
                    secrets.add(e.previousSecret);
                }
                List<WebhookDelivery> due = em.createNativeQuery("SELECT d.* FROM webhook_delivery d "
                                + "JOIN webhook_endpoint e ON e.id = d.endpoint_id WHERE d.endpoint_id = :endpoint AND "
                                + DUE + "ORDER BY d.seq LIMIT :n FOR UPDATE OF d SKIP LOCKED", WebhookDelivery.class)
                        .setParameter("endpoint", e.id).setParameter("now", now).setParameter("n", take)
                        .getResultList();
                for (WebhookDelivery d : due) {
                    d.leaseUntil = now.plus(config.webhooks().timeout()).plusSeconds(30);
                    d.attempts++;
                    d.lastAttemptAt = now;
                    claimed.add(new Claimed(d.id, d.endpointId, d.eventId, d.body, e.url, secrets, d.attempts));
                }
            }
            return claimed;
        });
    }

    private void send(Claimed c) {
        total.incrementAndGet();
        long started = System.nanoTime();
        // resolving the name is blocking: off the caller's thread, then the request itself is non-blocking
        executor.execute(() -> {
            UrlGuard.Target target;
            try {
                target = guard.resolve(c.url());
            } catch (UrlGuard.Refused e) {
                finish(c, new Outcome(null, null, e.getMessage(), elapsed(started)));
                return;
            } catch (RuntimeException e) {
                finish(c, new Outcome(null, null, e.toString(), elapsed(started)));
                return;
            }
            request(c, target, started);
        });
    }

    private void request(Claimed c, UrlGuard.Target t, long started) {
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(t.host()).setPort(t.port())
                .setURI(t.pathAndQuery()).setSsl(t.https())
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                .setConnectTimeout(config.webhooks().timeout().toMillis())
                .setIdleTimeout(config.webhooks().timeout().toMillis())
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("user-agent", "expat-notification-service/1.0 (Standard Webhooks)")
                .putHeader("webhook-id", c.eventId())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(c.secrets(), c.eventId(), timestamp, c.body()));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        int limit = config.webhooks().responseExcerpt();
        // an overall deadline too: a receiver trickling bytes never counts as idle
        long timer = vertx.setTimer(config.webhooks().timeout().toMillis(), id -> {
            if (done.compareAndSet(false, true)) {
                HttpClientRequest r = sent.get();
                if (r != null) {
                    r.reset();
                }
                finishAsync(c, new Outcome(null, null, "timeout after " + config.webhooks().timeout(),
                        elapsed(started)));
            }
        });
        http.request(options).onFailure(e -> fail(c, done, timer, started, e)).onSuccess(req -> {
            sent.set(req);
            req.send(Buffer.buffer(c.body().getBytes(StandardCharsets.UTF_8)))
                    .onFailure(e -> fail(c, done, timer, started, e))
                    .onSuccess(resp -> {
                        StringBuilder excerpt = new StringBuilder();
                        resp.handler(chunk -> {
                            if (excerpt.length() < limit) {
                                String s = chunk.toString(StandardCharsets.UTF_8);
                                excerpt.append(s, 0, Math.min(s.length(), limit - excerpt.length()));
                            }
                        });
                        resp.exceptionHandler(e -> fail(c, done, timer, started, e));
                        resp.endHandler(v -> {
                            if (done.compareAndSet(false, true)) {
                                vertx.cancelTimer(timer);
                                finishAsync(c, new Outcome(resp.statusCode(), excerpt.toString(), null,
                                        elapsed(started)));
                            }
                        });
                    });
        });
    }

    private void fail(Claimed c, AtomicBoolean done, long timer, long started, Throwable e) {
        if (done.compareAndSet(false, true)) {
            vertx.cancelTimer(timer);
            finishAsync(c, new Outcome(null, null, describe(e), elapsed(started)));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Off the event loop: recording the outcome is a blocking database transaction. */
    private void finishAsync(Claimed c, Outcome o) {
        executor.execute(() -> finish(c, o));
    }

    private void finish(Claimed c, Outcome o) {
        try {
            record(c, o);
        } catch (RuntimeException e) {
            LOG.warnf("could not record the outcome of delivery %s (the lease will make it retry): %s", c.id(), e);
        } finally {
            total.decrementAndGet();
            wake();
        }
    }

    private void record(Claimed c, Outcome o) {
        QuarkusTransaction.requiringNew().run(() -> {
            // endpoint first, then delivery: the order in which deleting an endpoint locks them (no deadlock)
            WebhookEndpoint e = em.find(WebhookEndpoint.class, c.endpointId(), LockModeType.PESSIMISTIC_WRITE);
            WebhookDelivery d = e == null ? null
                    : em.find(WebhookDelivery.class, c.id(), LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                return; // its endpoint was deleted meanwhile
            }
            OffsetDateTime now = Intake.now();
            WebhookAttempt a = new WebhookAttempt();
            a.deliveryId = d.id;
            a.attempt = c.attempt();
            a.at = now;
            a.statusCode = o.status();
            a.latencyMs = o.latencyMs();
            a.error = JobComposer.truncate(o.error(), 1000);
            a.responseExcerpt = JobComposer.truncate(o.excerpt(), 1000);
            a.persist();
            d.lastStatusCode = o.status();
            d.lastLatencyMs = o.latencyMs();
            d.lastResponseExcerpt = a.responseExcerpt;
            d.lastError = o.success() ? null : o.error() != null ? a.error : "HTTP " + o.status();
            d.leaseUntil = null;
            if (o.success()) {
                d.status = WebhookDelivery.SUCCEEDED;
                d.deliveredAt = now;
                e.failingSince = null;
                Counter.builder("expat.notification.webhook.delivered").description("Webhook deliveries "
                        + "answered 2xx by the receiver").register(registry).increment();
                return;
            }
            Counter.builder("expat.notification.webhook.failed").description("Webhook delivery attempts "
                    + "that failed (retried on the schedule)").register(registry).increment();
            Duration next = Backoff.scheduled(d.attempts - d.scheduleFrom, config.webhooks().retrySchedule());
            if (next == null) {
                d.status = WebhookDelivery.ABANDONED;
                LOG.warnf("delivery %s of %s to %s abandoned after %d attempts: %s", d.id, d.eventType, e.url,
                        d.attempts, d.lastError);
            } else {
                d.nextAttemptAt = now.plus(next);
                LOG.infof("delivery %s of %s to %s failed (attempt %d, next %s): %s", d.id, d.eventType, e.url,
                        d.attempts, d.nextAttemptAt, d.lastError);
            }
            if (e.failingSince == null) {
                e.failingSince = now;
            } else if (e.enabled && !now.isBefore(e.failingSince.plus(config.webhooks().disableAfter()))) {
                disable(e, d, now);
            }
        });
    }

    private void disable(WebhookEndpoint e, WebhookDelivery last, OffsetDateTime now) {
        e.enabled = false;
        e.disabledAt = now;
        e.disabledReason = "deliveries failed without a success since " + e.failingSince + " (last: "
                + last.lastError + ")";
        e.updatedAt = now;
        LOG.warnf("webhook endpoint %s of %s disabled: %s", e.id, e.companyBin, e.disabledReason);
        var payload = mapper.createObjectNode().put("endpointId", e.id.toString()).put("url", e.url)
                .put("companyBin", e.companyBin).put("failingSince", e.failingSince.toString())
                .put("lastError", last.lastError);
        intake.recordJob("webhook-disabled:" + e.id + ":" + now.toInstant().toEpochMilli(),
                EventTypes.WEBHOOK_DISABLED, null, e.companyBin, payload.toString(), now);
        intake.jobRecorded();
    }

    private static int elapsed(long startedNanos) {
        return (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
