package kz.aifc.expat.defaults.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures count as "a store is down" decides between a 503 (and the Inbox waiting for the store) and a
 * 4xx/500 (and an event going to the dead-letter topic), so each SQL state class is pinned here.
 */
class DependencyDownTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("outer", new RuntimeException("middle", cause));
    }

    @Test
    void connectionFailuresAndRestartingDatabaseAreOutages() {
        assertTrue(ProblemMappers.isDependencyDown(wrapped(new ConnectException("refused"))));
        assertTrue(ProblemMappers.isDependencyDown(wrapped(new SQLException("I/O error", "08006"))));
        // pg_ctl stop -m fast terminates sessions with 57P01; while it comes back, connections get 57P03
        assertTrue(ProblemMappers.isDependencyDown(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(ProblemMappers.isDependencyDown(wrapped(new SQLException("the database system is starting up",
                "57P03"))));
        assertTrue(ProblemMappers.isDependencyDown(wrapped(new SQLException("too many connections", "53300"))));
    }

    @Test
    void refusedStatementsAreNotOutages() {
        assertFalse(ProblemMappers.isDependencyDown(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(ProblemMappers.isDependencyDown(wrapped(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(ProblemMappers.isDependencyDown(wrapped(new SQLException("no state"))));
        assertFalse(ProblemMappers.isDependencyDown(new IllegalArgumentException("bad event")));
    }

    @Test
    void deadlocksAndSerializationFailuresAreConflictsNotOutages() {
        assertTrue(ProblemMappers.isTransactionConflict(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(ProblemMappers.isTransactionConflict(wrapped(new SQLException("could not serialize", "40001"))));
        assertFalse(ProblemMappers.isDependencyDown(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertFalse(ProblemMappers.isTransactionConflict(wrapped(new SQLException("duplicate key", "23505"))));
    }
}
