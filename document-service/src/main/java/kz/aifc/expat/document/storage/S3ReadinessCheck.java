package kz.aifc.expat.document.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the object store answers for the documents bucket. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        boolean up = store.reachable();
        return HealthCheckResponse.named("object-store").status(up).withData("bucket", store.bucket()).build();
    }
}
