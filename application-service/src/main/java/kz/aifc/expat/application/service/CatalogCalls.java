package kz.aifc.expat.application.service;

import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.problem.ProblemMappers;

import java.util.function.Supplier;

/** A step that needs catalog-service: its outage becomes a 503 problem, never a 500. */
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
}
