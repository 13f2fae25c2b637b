package kz.aifc.expat.e2e;

import java.util.List;

/** The six running services as the e2e tests reach them (started by ./expat up). */
public enum Services {
    CATALOG("catalog-service", 8081),
    APPLICATION("application-service", 8082),
    DOCUMENT("document-service", 8083),
    SCHEDULING("scheduling-service", 8084),
    FEE("fee-service", 8085),
    NOTIFICATION("notification-service", 8086);

    public final String serviceName;
    public final int port;

    Services(String serviceName, int port) {
        this.serviceName = serviceName;
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public static List<Services> all() {
        return List.of(values());
    }
}
