package kz.aifc.expat.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling of the HTTP benchmarks: {@code GET /bare/{bytes}} answers a constant JSON document of exactly that many
 * bytes (built once per size, then served from memory). bench/run.sh measures the size of each real response (catalog
 * list, one service, a fee quote) and loads the bare endpoint of the same size, in the same JVM configuration.
 */
@Path("/bare")
public class BareResource {

    private static final ConcurrentHashMap<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

    @GET
    @Path("/{bytes}")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] bytes(@PathParam("bytes") int bytes) {
        return BODIES.computeIfAbsent(Math.max(12, Math.min(bytes, 10_000_000)), BareResource::body);
    }

    /** {@code {"pad":"xxxx…"}} padded to exactly {@code size} bytes. */
    static byte[] body(int size) {
        String head = "{\"pad\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }
}
