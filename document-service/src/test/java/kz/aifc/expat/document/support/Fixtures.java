package kz.aifc.expat.document.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.document.support.CatalogProbe.Profile;
import org.awaitility.Awaitility;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared test helpers: inject application events, upload files, read checklists. */
public final class Fixtures {

    public static final String ACME = "180340021791";
    public static final String GLOBEX = "190540001230";
    /** Real service whose checklist has mandatory and optional uploads (some also needing the original). */
    public static final String SERVICE = "work-visa-invitation";
    public static final Profile PROFILE = new Profile("COMPANY", "PRINCIPAL", "C3");
    /** Real service whose checklist has a document brought only as an original at the visit. */
    public static final String ORIGINALS_SERVICE = "iin";
    public static final Profile ORIGINALS_PROFILE = new Profile("COMPANY", "PRINCIPAL", null);
    public static final String SUBMITTED_AT = "2026-03-01T10:00:00Z";
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Almaty");

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The office (Almaty) date of a submission: the date the catalog is asked for. */
    public static LocalDate officeDate(String submittedAt) {
        return OffsetDateTime.parse(submittedAt).atZoneSameInstant(OFFICE_ZONE).toLocalDate();
    }

    /** What the real catalog answers for the default service and profile at {@link #SUBMITTED_AT}. */
    public static CatalogProbe.Checklist expected() {
        return CatalogProbe.checklist(SERVICE, PROFILE, officeDate(SUBMITTED_AT));
    }

    /** A mandatory document to upload in the default checklist: the first one the catalog lists. */
    public static String mandatoryUpload() {
        return expected().mandatoryUploads().get(0);
    }

    /** Publishes application.submitted as application-service would. */
    public static UUID submit(String companyBin, String serviceCode, Profile profile, String submittedAt) {
        UUID applicationId = UUID.randomUUID();
        submitWithId(applicationId, UUID.randomUUID().toString(), companyBin, serviceCode, profile, submittedAt);
        return applicationId;
    }

    public static void submitWithId(UUID applicationId, String eventId, String companyBin, String serviceCode,
                                    Profile profile, String submittedAt) {
        submitWithId(applicationId, eventId, applicationId.toString(), companyBin, serviceCode, profile, submittedAt);
    }

    /** With another Kafka key than the application id: lands in the partition of that key, after its events. */
    public static void submitWithId(UUID applicationId, String eventId, String key, String companyBin,
                                    String serviceCode, Profile profile, String submittedAt) {
        // application-service freezes the catalog version in force at submission; ask the catalog which that is
        String catalogVersion = CatalogProbe.checklist(serviceCode, profile, officeDate(submittedAt))
                .catalogVersion();
        submitAsIs(applicationId, eventId, key, companyBin, serviceCode, catalogVersion, profile, submittedAt);
    }

    /** Sends the event as given, without asking the catalog (e.g. a service code the catalog does not know). */
    public static void submitAsIs(UUID applicationId, String eventId, String key, String companyBin,
                                  String serviceCode, String catalogVersion, Profile profile, String submittedAt) {
        String json = """
                {"applicationId":"%s","companyBin":"%s","serviceCode":"%s","catalogVersion":"%s",
                 "submittedAt":"%s","person":{"personId":"%s","firstName":"Ivan","lastName":"Petrov",
                 "passportNumber":"P%s","citizenship":"RU"},
                 "profile":%s,
                 "options":[],"principalApplicationId":null}
                """.formatted(applicationId, companyBin, serviceCode, catalogVersion, submittedAt,
                UUID.randomUUID(), UUID.randomUUID().toString().substring(0, 8), profile.json());
        KafkaProbe.send("expat.application", eventId, "application.submitted", key, json);
    }

    /** Submits the default service and profile and waits until its checklist is built. */
    public static JsonPath readyChecklist(String companyBin) {
        return readyChecklist(companyBin, SERVICE, PROFILE);
    }

    public static JsonPath readyChecklist(String companyBin, String serviceCode, Profile profile) {
        return awaitChecklist(submit(companyBin, serviceCode, profile, SUBMITTED_AT), true);
    }

    public static JsonPath awaitChecklist(UUID applicationId, boolean ready) {
        JsonPath[] holder = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response r = as(Tokens.officer()).get("/api/v1/applications/{id}/checklist", applicationId);
            if (r.statusCode() != 200 || r.jsonPath().getBoolean("ready") != ready) {
                return false;
            }
            holder[0] = r.jsonPath();
            return true;
        });
        return holder[0];
    }

    public static String requirementId(JsonPath checklist, String documentCode) {
        return checklist.getString("requirements.find { it.documentCode == '" + documentCode + "' }.id");
    }

    public static Response upload(String token, Object applicationId, String requirementId, String filename,
                                  String mimeType, byte[] content) {
        return as(token).multiPart("file", filename, content, mimeType)
                .post("/api/v1/applications/{a}/requirements/{r}/documents", applicationId, requirementId);
    }

    public static Response review(String token, String documentId, String decision, String reason) {
        String body = reason == null ? "{\"decision\":\"" + decision + "\"}"
                : "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}";
        return as(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/documents/{id}/review", documentId);
    }

    /** A URL on the management interface (health, metrics) of the service under test. */
    public static String management(String path) {
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return "http://127.0.0.1:" + port + path;
    }

    public static byte[] pdf(int size) {
        byte[] head = ("%PDF-1.7\n% test " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, Math.max(size, head.length));
        for (int i = head.length; i < out.length; i++) {
            out[i] = (byte) ('a' + i % 26);
        }
        return out;
    }

    public static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(("fake image data " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static byte[] jpeg() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        out.writeBytes(("jfif " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
