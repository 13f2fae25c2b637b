package kz.aifc.expat.defaults.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose declared Content-Length exceeds the HTTP limit with a 413 problem+json before it is read.
 * (The HTTP layer's own limit check answers 413 with an empty body, which clients cannot interpret.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && isOver(declared, limit)) {
                JsonObject problem = new JsonObject()
                        .put("type", Problem.TYPE_PREFIX + "payload-too-large")
                        .put("title", "Payload Too Large")
                        .put("status", 413)
                        .put("detail", "The request body exceeds " + limit + " bytes")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // malformed header: the HTTP layer rejects it itself
        }
    }
}
