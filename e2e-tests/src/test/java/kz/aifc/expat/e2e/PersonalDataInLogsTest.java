package kz.aifc.expat.e2e;

import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data #18: the services' logs never hold a passport number, an IIN or a bearer token. A journey through
 * every service with a person of distinctive numbers — created, read, updated, refused once for a bad IIN, quoted
 * by passport number (a query parameter), submitted so the events reach document-, fee-, scheduling- and
 * notification-service — then every service log of this run ({@code .stack/logs}, replicas included) is searched
 * for those numbers and for anything shaped like a JWT.
 */
class PersonalDataInLogsTest {

    /** A JWT: base64url header starting {"..., a dot, a base64url payload. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @Test
    void noServiceLogHoldsAPassportNumberAnIinOrAToken() throws IOException {
        E2e.ensureCompanies();
        String passport = "LOG" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String iin = Iins.random();
        // another last digit than the check digit: an IIN the rules refuse
        String badIin = iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        String person = E2e.createPerson(Tokens.hrAcme(), "Logsearch",
                Map.of("passportNumber", passport, "iin", iin));
        E2e.as(Tokens.officer(), E2e.app()).get("/api/v1/persons/" + person).then().statusCode(200);
        // a refused request that names the value in its field
        E2e.as(Tokens.hrAcme(), E2e.app()).body(Map.of("firstName", "Logsearch", "lastName", "Journey",
                        "dateOfBirth", "1986-04-12", "citizenship", "GBR", "passportNumber", passport + "X",
                        "passportExpiresOn", E2e.today().plusYears(8).toString(), "iin", badIin))
                .post("/api/v1/persons").then().statusCode(anyOf(is(400), is(422)));
        E2e.as(Tokens.hrAcme(), E2e.FEE).queryParam("serviceCode", "fingerprint-registration")
                .queryParam("passportNumber", passport).queryParam("citizenship", "GBR")
                .get("/api/v1/quotes").then().statusCode(lessThan(500));
        Map<String, Object> body = E2e.workVisa(person);
        body.put("consent", E2e.consent());
        String application = E2e.createApplication(Tokens.hrAcme(), body);
        E2e.act(Tokens.hrAcme(), application, "submit", null).then().statusCode(200);
        // the submission's events have been consumed: fee-service invoiced, document-service built the checklist
        E2e.eventually().alias("invoice of " + application).until(() -> E2e.as(Tokens.hrAcme(), E2e.FEE)
                .queryParam("applicationId", application).get("/api/v1/invoices")
                .then().extract().jsonPath().getList("$").size() > 0);
        E2e.eventually().alias("checklist of " + application).until(() -> E2e.as(Tokens.hrAcme(), E2e.DOCUMENT)
                .get("/api/v1/applications/" + application + "/checklist").then().extract().statusCode() == 200);

        Path logs = Path.of("..", ".stack", "logs").toAbsolutePath().normalize();
        List<Path> serviceLogs;
        try (Stream<Path> files = Files.list(logs)) {
            serviceLogs = files.filter(f -> f.getFileName().toString().matches(".*-service(-2)?\\.log")).toList();
        }
        assertTrue(serviceLogs.size() >= 6, "the six services' logs are in " + logs + ": " + serviceLogs);
        List<String> findings = new ArrayList<>();
        for (Path log : serviceLogs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(passport)) {
                findings.add(log.getFileName() + ": passport number " + passport);
            }
            if (text.contains(iin) || text.contains(badIin)) {
                findings.add(log.getFileName() + ": IIN " + iin);
            }
            Matcher token = JWT.matcher(text);
            if (token.find()) {
                findings.add(log.getFileName() + ": a token " + token.group().substring(0, 12) + "...");
            }
        }
        assertTrue(findings.isEmpty(), "personal data or tokens in the logs: " + findings);
    }
}
