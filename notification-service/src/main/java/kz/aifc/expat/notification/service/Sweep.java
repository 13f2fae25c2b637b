package kz.aifc.expat.notification.service;

import org.jboss.logging.Logger;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A background pass (compose, send mail, dispatch webhooks) that never runs twice at once in a replica and that a
 * {@link #wake()} never misses: a wake while a pass runs makes it run once more, including a wake that arrives
 * after the pass's last check but before it has finished (that one starts a new pass). A pass that throws stops
 * until the next wake or the scheduled sweep, so a database outage does not spin.
 */
final class Sweep {

    private static final Logger LOG = Logger.getLogger(Sweep.class);

    private final String name;
    private final Executor executor;
    private final Runnable pass;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    Sweep(String name, Executor executor, Runnable pass) {
        this.name = name;
        this.executor = executor;
        this.pass = pass;
    }

    void start() {
        started.set(true);
    }

    void stop() {
        started.set(false);
    }

    boolean started() {
        return started.get();
    }

    /** Work was committed: run a pass now rather than at the next scheduled sweep. */
    void wake() {
        again.set(true);
        if (!running.get() && started.get()) {
            executor.execute(this::run);
        }
    }

    /** One pass, repeated while wakes arrive; returns at once if a pass is already running. */
    void run() {
        if (!started.get() || !running.compareAndSet(false, true)) {
            return;
        }
        boolean paused = false;
        try {
            do {
                again.set(false);
                pass.run();
            } while (again.get() && started.get());
        } catch (RuntimeException e) {
            paused = true;
            LOG.warnf("%s paused until the next sweep: %s", name, e.toString());
        } finally {
            running.set(false);
        }
        if (!paused && again.get()) {
            wake(); // arrived after the loop's last check, while running was still true
        }
    }
}
