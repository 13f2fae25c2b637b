package kz.aifc.expat.document;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.service.OrphanSweeper;
import kz.aifc.expat.document.service.RetentionJob;
import kz.aifc.expat.document.support.Fixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RetentionTest {

    private static final String BUCKET = "expat-documents-test";

    @Inject
    RetentionJob retention;

    @Inject
    OrphanSweeper sweeper;

    @Inject
    MinioClient minio;

    @Inject
    EntityManager em;

    @Test
    void documentsOfAWithdrawnApplicationAreDeletedAfterRetentionWithAnAudit() throws Exception {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String code = Fixtures.mandatoryUpload();
        String requirement = Fixtures.requirementId(checklist, code);
        JsonPath doc = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(300))
                .then().statusCode(201).extract().jsonPath();
        String key = "applications/" + app + "/" + requirement + "/" + doc.getString("id");
        assertTrue(exists(key));

        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.withdrawn", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + Fixtures.ACME + "\",\"at\":\""
                        + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then()
                        .body("status", equalTo("CLOSED")));
        Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(300))
                .then().statusCode(422).body("rule", equalTo("application-closed"));

        // retention is 1 second in tests; the job is run by hand instead of by the scheduler
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            retention.run();
            as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().body("size()", is(0));
        });
        assertFalse(exists(key));
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}", doc.getString("id")).then().statusCode(404);
        as(Tokens.admin()).get("/api/v1/applications/{a}/retention-audit", app).then().statusCode(200)
                .body("size()", is(1))
                .body("[0].documentId", equalTo(doc.getString("id")))
                .body("[0].sha256", equalTo(doc.getString("sha256")))
                .body("[0].documentCode", equalTo(code));
    }

    @Test
    void aTerminalStatusAlsoClosesTheChecklist() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.GLOBEX);
        String app = checklist.getString("applicationId");
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.status-changed", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + Fixtures.GLOBEX + "\",\"serviceCode\":\""
                        + Fixtures.SERVICE + "\",\"from\":\"IN_PROCESSING\",\"to\":\"COMPLETED\",\"actor\":\"o\","
                        + "\"at\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(Tokens.hrGlobex()).get("/api/v1/applications/{a}/checklist", app).then()
                        .body("status", equalTo("CLOSED")));
    }

    @Test
    void theSweeperDeletesObjectsWhoseMetadataNeverCommitted() throws Exception {
        String orphan = "applications/" + UUID.randomUUID() + "/orphan";
        byte[] data = Fixtures.pdf(100);
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(orphan)
                .stream(new ByteArrayInputStream(data), data.length, -1).build());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO pending_object (object_key, created_at) VALUES (:k, :at)")
                .setParameter("k", orphan).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .executeUpdate());
        // a committed upload is never touched by the sweeper
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        String id = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(300))
                .then().statusCode(201).extract().path("id");

        sweeper.sweepOlderThan(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));

        assertFalse(exists(orphan));
        assertTrue(exists("applications/" + app + "/" + requirement + "/" + id));
        long notes = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM pending_object WHERE object_key = :k").setParameter("k", orphan)
                .getSingleResult()).longValue());
        assertTrue(notes == 0);
    }

    private boolean exists(String key) throws Exception {
        try {
            minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }
}
