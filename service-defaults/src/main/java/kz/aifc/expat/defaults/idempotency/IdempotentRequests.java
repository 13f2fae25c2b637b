package kz.aifc.expat.defaults.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs from partner systems: the same key and body replays the first response; the same
 * key with another body is a 422. The key row is inserted first in the business transaction, so a concurrent retry
 * waits on it and then replays instead of acting twice.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerContext caller;

    /**
     * Runs {@code action} unless this caller already used {@code key}; without a key it just runs. The action must
     * return a JSON-serialisable entity in its response.
     */
    @Transactional
    public Response run(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = sha256(operation + "\n" + json(request));
        int inserted = em.createNativeQuery("INSERT INTO idempotency_record (caller, idempotency_key, operation, "
                        + "request_hash, created_at) VALUES (:caller, :key, :op, :hash, :at) ON CONFLICT DO NOTHING")
                .setParameter("caller", caller.subject()).setParameter("key", key).setParameter("op", operation)
                .setParameter("hash", hash).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            return replay(key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("UPDATE idempotency_record SET response_status = :status, response_body = :body "
                        + "WHERE caller = :caller AND idempotency_key = :key")
                .setParameter("status", response.getStatus())
                .setParameter("body", response.hasEntity() ? json(response.getEntity()) : null)
                .setParameter("caller", caller.subject()).setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body "
                        + "FROM idempotency_record WHERE caller = :caller AND idempotency_key = :key")
                .setParameter("caller", caller.subject()).setParameter("key", key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.ruleViolated("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request");
        }
        int status = ((Number) row[1]).intValue();
        Response.ResponseBuilder builder = Response.status(status).header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            builder.entity(row[2]).type("application/json");
        }
        return builder.build();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + value.getClass(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
