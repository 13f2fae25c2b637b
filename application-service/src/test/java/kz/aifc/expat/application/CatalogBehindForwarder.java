package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTestProfile;
import kz.aifc.expat.testing.TcpForwarder;

import java.util.Map;

/**
 * The catalog client points at a {@link TcpForwarder} port: refused while the forwarder is closed (a real outage),
 * the real catalog-service while it is open, a slow one while it holds. One profile for every such test, so Quarkus
 * starts once for all of them.
 */
public class CatalogBehindForwarder implements QuarkusTestProfile {

    static final String CATALOG_URL = System.getenv().getOrDefault("CATALOG_URL", "http://127.0.0.1:8081");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.catalog.url", TcpForwarder.url("catalog"));
    }
}
