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

    /** Health and metrics: the management interface, on the HTTP port + 10000 (service-defaults). */
    public String managementUrl() {
        return management(url());
    }

    /** The management address of any instance's HTTP address (replicas included). */
    public static String management(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 10000);
    }

    public static List<Services> all() {
        return List.of(values());
    }
}
