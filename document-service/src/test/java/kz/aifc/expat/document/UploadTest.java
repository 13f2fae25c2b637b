package kz.aifc.expat.document;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.support.CatalogProbe;
import kz.aifc.expat.document.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.document.support.Fixtures.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UploadTest {

    @Inject
    MinioClient minio;

    private static final String BUCKET = "expat-documents-test";

    @Test
    void uploadAndDownloadRoundTripThroughTheRealStore() throws Exception {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String code = Fixtures.mandatoryUpload();
        String requirement = Fixtures.requirementId(checklist, code);
        byte[] content = Fixtures.pdf(3 * 1024 * 1024 + 17);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        try (KafkaProbe probe = new KafkaProbe("expat.document")) {
            Response created = Fixtures.upload(Tokens.hrAcme(), app, requirement, "passport.pdf", "application/pdf",
                    content);
            created.then().statusCode(201)
                    .body("version", is(1))
                    .body("size", is(content.length))
                    .body("sha256", equalTo(sha))
                    .body("contentType", equalTo("application/pdf"))
                    .body("filename", equalTo("passport.pdf"))
                    .body("status", equalTo("UPLOADED"))
                    .body("documentCode", equalTo(code));
            String documentId = created.jsonPath().getString("id");

            // the object is in the real S3 bucket under a server-generated key
            assertTrue(exists("applications/" + app + "/" + requirement + "/" + documentId));

            byte[] downloaded = as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", documentId)
                    .then().statusCode(200)
                    .header("Content-Type", equalTo("application/pdf"))
                    .header("X-Checksum-SHA256", equalTo(sha))
                    .header("Content-Disposition", equalTo(
                            "attachment; filename=\"passport.pdf\"; filename*=UTF-8''passport.pdf"))
                    .extract().asByteArray();
            assertArrayEquals(content, downloaded);
            // officers download too
            assertArrayEquals(content, as(Tokens.officer()).get("/api/v1/documents/{id}/content", documentId)
                    .then().statusCode(200).extract().asByteArray());

            List<?> events = probe.exactly(KafkaProbe.ofType("document.uploaded", app), 1, Duration.ofSeconds(20));
            assertEquals(1, events.size());
            JsonPath event = JsonPath.from(((org.apache.kafka.clients.consumer.ConsumerRecord<?, ?>) events.get(0))
                    .value().toString());
            assertEquals(documentId, event.getString("documentId"));
            assertEquals(Fixtures.ACME, event.getString("companyBin"));
            assertEquals(sha, event.getString("sha256"));
            assertEquals(content.length, event.getLong("size"));
            assertEquals(1, event.getInt("version"));
        }
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsKept() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        Fixtures.upload(Tokens.hrAcme(), app, requirement, "big.pdf", "application/pdf",
                        Fixtures.pdf(20 * 1024 * 1024 + 1))
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/payload-too-large"))
                .body("maxBytes", is(20 * 1024 * 1024));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().statusCode(200)
                .body("size()", is(0));
        // nor in the bucket: no object under the application's prefix (a stored-then-refused file would be there)
        assertEquals(List.of(), objectsUnder("applications/" + app + "/"));
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        Fixtures.upload(Tokens.hrAcme(), checklist.getString("applicationId"),
                        Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "limit.pdf", "application/pdf",
                        Fixtures.pdf(20 * 1024 * 1024))
                .then().statusCode(201).body("size", is(20 * 1024 * 1024));
    }

    @Test
    void aPngRenamedPdfIs415() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        Fixtures.upload(Tokens.hrAcme(), checklist.getString("applicationId"),
                        Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "scan.pdf", "application/pdf",
                        Fixtures.png())
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/unsupported-media-type"))
                .body("detectedType", equalTo("PNG"));
    }

    @Test
    void aTextFileDeclaredAsPdfIs415() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        Fixtures.upload(Tokens.hrAcme(), checklist.getString("applicationId"),
                        Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "passport.pdf",
                        "application/pdf", "just some text, not a PDF".getBytes())
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void contentDecidesTheTypeWhenNothingContradictsIt() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        Fixtures.upload(Tokens.hrAcme(), checklist.getString("applicationId"),
                        Fixtures.requirementId(checklist, Fixtures.mandatoryUpload()), "photo",
                        "application/octet-stream", Fixtures.jpeg())
                .then().statusCode(201).body("contentType", equalTo("image/jpeg"));
    }

    @Test
    void aPathTraversalFilenameIsSanitisedAndNeverReachesTheStore() throws Exception {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        Response created = Fixtures.upload(Tokens.hrAcme(), app, requirement, "../../../etc/..\\evil<script>.pdf",
                "application/pdf", Fixtures.pdf(1000));
        created.then().statusCode(201).body("filename", equalTo("evil_script_.pdf"));
        String documentId = created.jsonPath().getString("id");
        assertTrue(exists("applications/" + app + "/" + requirement + "/" + documentId));
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", documentId).then().statusCode(200)
                .header("Content-Disposition", equalTo(
                        "attachment; filename=\"evil_script_.pdf\"; filename*=UTF-8''evil_script_.pdf"));
    }

    /** #14.4: a NUL in the part's file name, or a body without its closing boundary, is a 400, never a 500. */
    @Test
    void aNulInTheFileNameOrAnUnfinishedBodyIs400() throws Exception {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        String head = "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 nul\r\n--XX--\r\n";
        String unfinished = "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing";
        for (String body : List.of(head, unfinished)) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                                    + io.restassured.RestAssured.port + "/api/v1/applications/" + app + "/requirements/"
                                    + requirement + "/documents"))
                            .header("Authorization", "Bearer " + Tokens.hrAcme())
                            .header("Content-Type", "multipart/form-data; boundary=XX")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                                    body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().body("size()", is(0));
    }

    /** #14.8: a PDF named like a web page or a program is kept and downloaded under a .pdf name. */
    @Test
    void aDangerousExtensionIsReplacedByTheDetectedTypesOnStorageAndDownload() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        for (String name : List.of("report.pdf.html", "x.htm", "invoice.pdf.exe")) {
            String id = Fixtures.upload(Tokens.hrAcme(), app, requirement, name, "application/pdf", Fixtures.pdf(300))
                    .then().statusCode(201).body("filename", equalTo(name + ".pdf"))
                    .body("contentType", equalTo("application/pdf")).extract().path("id");
            as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", id).then().statusCode(200)
                    .contentType("application/pdf")
                    .header("Content-Disposition", equalTo("attachment; filename=\"" + name + ".pdf\"; filename*=UTF-8''"
                            + name + ".pdf"));
        }
    }

    /**
     * #14.9 (test limits: 6 versions per requirement, 48 MiB per application): the next version or the file that
     * would pass the application's bytes is refused with 422 and nothing reaches the bucket; up to the limit is fine.
     */
    @Test
    void versionsAndBytesAreBoundedPerRequirementAndApplication() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        for (int v = 1; v <= 6; v++) {
            Fixtures.upload(Tokens.hrAcme(), app, requirement, "v" + v + ".pdf", "application/pdf", Fixtures.pdf(200))
                    .then().statusCode(201).body("version", is(v));
        }
        Fixtures.upload(Tokens.partnerAcme(), app, requirement, "v7.pdf", "application/pdf", Fixtures.pdf(200))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/rule-violated/too-many-versions")).body("maxVersions", is(6));
        assertEquals(6, objectsUnder("applications/" + app + "/" + requirement + "/").size());

        JsonPath other = Fixtures.readyChecklist(Fixtures.ACME);
        String big = other.getString("applicationId");
        String target = Fixtures.requirementId(other, Fixtures.mandatoryUpload());
        int mib = 1024 * 1024;
        for (int i = 0; i < 2; i++) {
            Fixtures.upload(Tokens.hrAcme(), big, target, "big" + i + ".pdf", "application/pdf", Fixtures.pdf(20 * mib))
                    .then().statusCode(201);
        }
        Fixtures.upload(Tokens.hrAcme(), big, target, "nine.pdf", "application/pdf", Fixtures.pdf(9 * mib))
                .then().statusCode(422).body("type", endsWith("/rule-violated/storage-quota"))
                .body("maxBytes", is(48 * mib)).body("usedBytes", is(40 * mib));
        assertEquals(2, objectsUnder("applications/" + big + "/").size());
        // exactly up to the limit is accepted
        Fixtures.upload(Tokens.hrAcme(), big, target, "eight.pdf", "application/pdf", Fixtures.pdf(8 * mib))
                .then().statusCode(201);
    }

    @Test
    void aReUploadIsANewVersionAndKeepsTheHistory() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String code = Fixtures.mandatoryUpload();
        String requirement = Fixtures.requirementId(checklist, code);
        byte[] first = Fixtures.pdf(500);
        byte[] second = Fixtures.pdf(700);
        String v1 = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p1.pdf", "application/pdf", first)
                .then().statusCode(201).body("version", is(1)).extract().path("id");
        String v2 = Fixtures.upload(Tokens.partnerAcme(), app, requirement, "p2.pdf", "application/pdf", second)
                .then().statusCode(201).body("version", is(2)).extract().path("id");
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/requirements/{r}/documents", app, requirement)
                .then().statusCode(200)
                .body("size()", is(2))
                .body("[0].id", equalTo(v1)).body("[1].id", equalTo(v2));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(200)
                .body("requirements.find { it.documentCode == '" + code + "' }.current.id", equalTo(v2))
                .body("requirements.find { it.documentCode == '" + code + "' }.versions", is(2));
        // both versions stay downloadable
        assertArrayEquals(first, as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", v1).then()
                .statusCode(200).extract().asByteArray());
        assertArrayEquals(second, as(Tokens.hrAcme()).get("/api/v1/documents/{id}/content", v2).then()
                .statusCode(200).extract().asByteArray());
    }

    @Test
    void anotherCompanyGets404ForUploadListAndDownload() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        String documentId = Fixtures.upload(Tokens.hrAcme(), app, requirement, "p.pdf", "application/pdf",
                Fixtures.pdf(300)).then().statusCode(201).extract().path("id");

        for (String globex : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            Fixtures.upload(globex, app, requirement, "x.pdf", "application/pdf", Fixtures.pdf(300))
                    .then().statusCode(404).contentType("application/problem+json");
            as(globex).get("/api/v1/applications/{a}/documents", app).then().statusCode(404)
                    .contentType("application/problem+json");
            as(globex).get("/api/v1/applications/{a}/checklist", app).then().statusCode(404);
            as(globex).get("/api/v1/applications/{a}/requirements/{r}/documents", app, requirement)
                    .then().statusCode(404);
            as(globex).get("/api/v1/documents/{id}", documentId).then().statusCode(404);
            as(globex).get("/api/v1/documents/{id}/content", documentId).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // the refused upload left nothing behind
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().body("size()", is(1));
    }

    @Test
    void roleAndInputRules() {
        JsonPath checklist = Fixtures.readyChecklist(Fixtures.ACME);
        String app = checklist.getString("applicationId");
        String requirement = Fixtures.requirementId(checklist, Fixtures.mandatoryUpload());
        // officers review, they do not upload; applicants have no access; anonymous is 401
        Fixtures.upload(Tokens.officer(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(100))
                .then().statusCode(403).contentType("application/problem+json");
        Fixtures.upload(Tokens.applicant(), app, requirement, "p.pdf", "application/pdf", Fixtures.pdf(100))
                .then().statusCode(403);
        as(Tokens.applicant()).get("/api/v1/applications/{a}/checklist", app).then().statusCode(403);
        given().multiPart("file", "p.pdf", Fixtures.pdf(100), "application/pdf")
                .post("/api/v1/applications/{a}/requirements/{r}/documents", app, requirement)
                .then().statusCode(401).contentType("application/problem+json");
        // a document delivered as an original at the visit is not uploaded
        JsonPath originals = Fixtures.readyChecklist(Fixtures.ACME, Fixtures.ORIGINALS_SERVICE,
                Fixtures.ORIGINALS_PROFILE);
        String original = CatalogProbe.checklist(Fixtures.ORIGINALS_SERVICE, Fixtures.ORIGINALS_PROFILE,
                Fixtures.officeDate(Fixtures.SUBMITTED_AT)).originalsOnly().get(0);
        Fixtures.upload(Tokens.hrAcme(), originals.getString("applicationId"),
                        Fixtures.requirementId(originals, original), "p.pdf", "application/pdf", Fixtures.pdf(100))
                .then().statusCode(422).body("rule", equalTo("original-at-visit"));
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", originals.getString("applicationId")).then()
                .body("size()", is(0));
        // unknown requirement / application
        Fixtures.upload(Tokens.hrAcme(), app, UUID.randomUUID().toString(), "p.pdf", "application/pdf",
                Fixtures.pdf(100)).then().statusCode(404);
        Fixtures.upload(Tokens.hrAcme(), UUID.randomUUID(), requirement, "p.pdf", "application/pdf", Fixtures.pdf(100))
                .then().statusCode(404);
        // not multipart, or no part named "file"
        as(Tokens.hrAcme()).contentType("application/pdf").body(Fixtures.pdf(100))
                .post("/api/v1/applications/{a}/requirements/{r}/documents", app, requirement)
                .then().statusCode(415).contentType("application/problem+json");
        as(Tokens.hrAcme()).multiPart("other", "p.pdf", Fixtures.pdf(100), "application/pdf")
                .post("/api/v1/applications/{a}/requirements/{r}/documents", app, requirement)
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.hrAcme()).get("/api/v1/documents/{id}", UUID.randomUUID()).then().statusCode(404);
        as(Tokens.hrAcme()).get("/api/v1/documents/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        as(Tokens.hrAcme()).get("/api/v1/applications/{a}/documents", app).then().body("size()", is(0));
    }

    private List<String> objectsUnder(String prefix) {
        List<String> keys = new java.util.ArrayList<>();
        for (io.minio.Result<io.minio.messages.Item> item : minio.listObjects(io.minio.ListObjectsArgs.builder()
                .bucket(BUCKET).prefix(prefix).recursive(true).build())) {
            try {
                keys.add(item.get().objectName());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    private boolean exists(String key) throws Exception {
        try {
            minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            assertFalse(e.errorResponse().code().isEmpty());
            return false;
        }
    }
}
