package kz.aifc.expat.application.service;

import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.problem.ProblemMappers;

import jakarta.ws.rs.ProcessingException;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * A step that needs catalog-service: its outage becomes a 503 problem, never a 500 ({@link #catalogCall}); inside an
 * event handler it becomes a {@link ProcessingException}, which the inbox treats as an outage and retries
 * ({@link #retriedOnOutage}) instead of dead-lettering the event.
 */
final class CatalogCalls {

    private CatalogCalls() {
    }

    static <T> T catalogCall(Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (ProblemMappers.isDependencyDown(e)) {
                throw ProblemException.unavailable("catalog-service is unavailable; try again shortly");
            }
            throw e;
        }
    }

    static <T> T retriedOnOutage(Supplier<T> step) {
        try {
            return step.get();
        } catch (ProblemException e) {
            if (e.status() == 503) {
                throw new ProcessingException(e.getMessage().toLowerCase(Locale.ROOT));
            }
            throw e;
        }
    }
}
