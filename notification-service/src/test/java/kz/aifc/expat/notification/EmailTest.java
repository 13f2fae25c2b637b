package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Mailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.notification.model.NotificationJob;
import kz.aifc.expat.testing.Mailbox.Received;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every e-mail type in Kazakh, Russian and English, through the real SMTP server and read back over IMAP: the
 * company's contacts each in their language, the applicant person when they consented.
 */
@QuarkusTest
class EmailTest {

    record Audience(String kk, String ru, String en) {
    }

    @BeforeAll
    static void companies() {
        ensureCompanies();
    }

    static Audience audience(String bin) {
        Audience a = new Audience(Mailbox.fresh("kk"), Mailbox.fresh("ru"), Mailbox.fresh("en"));
        contacts(bin, a.kk, "kk", a.ru, "ru", a.en, "en");
        return a;
    }

    static void assertMail(Received mail, String language, String subject, String... inTextAndHtml) {
        assertEquals(subject, mail.subject(), "subject (" + language + ")");
        assertEquals(language, mail.language(), "Content-Language");
        assertTrue(mail.html().contains("<html lang=\"" + language + "\">"), "HTML part in " + language);
        for (String part : inTextAndHtml) {
            assertTrue(mail.text().contains(part), "text part (" + language + ") contains '" + part + "':\n"
                    + mail.text());
            assertTrue(mail.html().contains(part), "HTML part (" + language + ") contains '" + part + "':\n"
                    + mail.html());
        }
    }

    static String shortId(String app) {
        return app.substring(0, 8);
    }

    @Test
    void changesRequestedTellsEachContactInItsLanguageAndTheConsentingApplicant() {
        Audience to = audience(ACME);
        String applicant = Mailbox.fresh("applicant");
        String app = draftApplication(person(applicant, "ru", true));
        inject("expat.application", "application.changes-requested", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"round\":2,\"documents\":[{\"requirementId\":\""
                + UUID.randomUUID() + "\",\"documentCode\":\"passport\",\"reason\":\"The scan is <blurred> & cut\"}],"
                + "\"at\":\"" + now() + "\"}");

        Received kk = Mailbox.one(to.kk());
        assertMail(kk, "kk", shortId(app) + " өтінімі: құжаттарды түзету қажет",
                "Expat Centre қызметкері құжаттарды түзетуді сұрайды (тексеру кезеңі: 2)",
                "Түзетілген құжаттарды жүктеп, өтінімді қайта жіберіңіз.", "Қызметкер: ALIYA NOTIFY",
                "Өтінім: " + app + " (work-visa-issuance)");
        // the document by its catalog title in the message's language, or by code where the catalog has none in it
        assertTrue(kk.text().contains("- " + document("kk") + ": The scan is <blurred> & cut"), kk.text());
        assertTrue(kk.html().contains("<li>" + document("kk").replace("&", "&amp;")
                + ": The scan is &lt;blurred&gt; &amp; cut</li>"), kk.html());
        assertTrue(Mailbox.one(to.ru()).text().contains("- " + document("ru") + ": The scan is"));
        assertTrue(Mailbox.one(to.en()).text().contains("- " + document("en") + ": The scan is"));
        assertEquals("Passport (passport)", document("en"), "the English catalog names the passport");
        assertMail(Mailbox.one(to.ru()), "ru", "Заявка " + shortId(app) + ": требуется исправить документы",
                "Сотрудник Expat Centre просит исправить документы (раунд проверки 2)",
                "Загрузите исправленные документы и снова отправьте заявку.", "Сотрудник: ALIYA NOTIFY");
        assertMail(Mailbox.one(to.en()), "en", "Application " + shortId(app) + ": documents need changes",
                "An Expat Centre officer asked for changes to the documents (review round 2)",
                "Employee: ALIYA NOTIFY");

        Received own = Mailbox.one(applicant);
        assertMail(own, "ru", "Заявка " + shortId(app) + ": требуется исправить документы",
                "Сотрудник Expat Centre просит исправить документы");
        assertFalse(own.text().contains("Сотрудник: "), "the applicant's own message does not name them as employee");
        assertTrue(own.from().contains("no-reply@expat.aifc.kz"));

        // what was sent to whom, in which language, with its delivery state
        eventually().untilAsserted(() -> api(Tokens.hrAcme()).queryParam("applicationId", app)
                .get("/api/v1/notifications").then().statusCode(200).body("total", is(4))
                .body("items.status", everyItem(is("SENT")))
                .body("items.recipient", containsInAnyOrder(to.kk(), to.ru(), to.en(), applicant))
                .body("items.language", containsInAnyOrder("kk", "ru", "en", "ru"))
                .body("items.findAll { it.recipientKind == 'APPLICANT' }.recipient", contains(applicant))
                .body("items.template", everyItem(is("changes-requested")))
                .body("items.smtpMessageId", everyItem(notNullValue())).body("items.sentAt", everyItem(notNullValue())));
        // the Message-ID the recipient sees is the row's own (the same on every attempt)
        String messageId = api(Tokens.hrAcme()).queryParam("applicationId", app).get("/api/v1/notifications").then()
                .extract().jsonPath().getString("items.find { it.recipientKind == 'APPLICANT' }.messageId");
        assertEquals(messageId, own.messageId());
    }

    @Test
    void anApplicantWithoutConsentOrAddressGetsNothingAndOneWithoutLanguageGetsTheDefaultEnglish() {
        Audience to = audience(ACME);
        String refused = Mailbox.fresh("no-consent");
        String noConsent = draftApplication(person(refused, "kk", false));
        String noAddress = draftApplication(person(null, "kk", null));
        String defaulted = Mailbox.fresh("no-language");
        String noLanguage = draftApplication(person(defaulted, null, true));
        for (String app : List.of(noConsent, noAddress, noLanguage)) {
            inject("expat.application", "application.rejected", app, rejectedEvent(app, ACME,
                    "The passport expires too soon", "DOCUMENTS_INVALID"));
        }
        Mailbox.await(to.en(), 3);
        for (String app : List.of(noConsent, noAddress)) {
            api(Tokens.officer()).queryParam("applicationId", app).get("/api/v1/notifications").then()
                    .statusCode(200).body("total", is(3)).body("items.recipientKind", everyItem(is("COMPANY_CONTACT")));
        }
        assertMail(Mailbox.one(defaulted), "en", "Application " + shortId(noLanguage) + " rejected",
                "The application was rejected.", "The documents are not valid",
                "Comment of the officer: The passport expires too soon");
        assertEquals(0, unchecked(() -> Mailbox.read(refused)).size());
    }

    @Test
    void documentsApprovedSaysBookingIsOpenWithTheNextFreeSlots() {
        Audience to = audience(ACME);
        String app = draftApplication(person(null, null, null));
        inject("expat.document", "documents.approved", app, "{\"applicationId\":\"" + app + "\",\"companyBin\":\""
                + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"round\":1,\"approvedAt\":\"" + now() + "\"}");
        Received en = Mailbox.one(to.en());
        assertMail(en, "en", "Application " + shortId(app) + ": documents approved, you can book a visit",
                "All documents of the application are approved.");
        assertMail(Mailbox.one(to.kk()), "kk", shortId(app)
                + " өтінімі: құжаттар мақұлданды, қабылдауға жазылуға болады", "Өтінімнің барлық құжаттары мақұлданды.");
        assertMail(Mailbox.one(to.ru()), "ru", "Заявка " + shortId(app)
                + ": документы одобрены, можно записаться на приём", "Все документы по заявке одобрены.");

        // the listed times are free slots of scheduling-service's public listing
        List<Map<String, Object>> slots = as(null, SCHEDULING).queryParam("serviceCode", "work-visa-issuance")
                .queryParam("from", java.time.LocalDate.now(ALMATY).toString())
                .queryParam("to", java.time.LocalDate.now(ALMATY).plusDays(14).toString())
                .get("/api/v1/slots").then().statusCode(200).extract().jsonPath().getList("slots");
        List<String> listed = en.text().lines().filter(l -> l.startsWith("- ")).toList();
        assertFalse(listed.isEmpty(), "free times listed:\n" + en.text());
        assertTrue(listed.size() <= 5);
        String firstStart = listed.get(0).substring(2, 18);
        assertTrue(slots.stream().anyMatch(s -> Formats(s.get("start").toString()).equals(firstStart)),
                firstStart + " is one of " + slots);
        assertTrue(en.text().contains("Next free times (Astana time):"));
    }

    @Test
    void reminderCarriesTheConfirmationLinkForTheCompanyOnly() {
        Audience to = audience(ACME);
        String applicant = Mailbox.fresh("reminded");
        String app = draftApplication(person(applicant, "kk", true));
        String url = "http://127.0.0.1:8084/api/v1/appointment-confirmations/" + UUID.randomUUID() + "?t=abc&x=1";
        inject("expat.appointment", "appointment.reminder-due", app, "{\"appointmentId\":\"" + UUID.randomUUID()
                + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"startsAt\":\"2026-12-16T10:00:00+05:00\",\"endsAt\":"
                + "\"2026-12-16T10:30:00+05:00\",\"confirmBy\":\"2026-12-15T10:00:00+05:00\",\"confirmationUrl\":\""
                + url + "\",\"actor\":\"system\",\"at\":\"" + now() + "\"}");
        Received kk = Mailbox.one(to.kk());
        assertMail(kk, "kk", "Еске салу: Expat Centre-дегі қабылдау 16.12.2026 10:00",
                "Expat Centre-дегі қабылдау туралы еске саламыз: 16.12.2026 10:00–10:30 (Астана уақыты).",
                "15.12.2026 10:00 дейін келетініңізді растаңыз:");
        assertTrue(kk.text().contains(url), kk.text());
        assertTrue(kk.html().contains("<a href=\"" + url.replace("&", "&amp;") + "\">Келетінімді растаймын</a>"),
                kk.html());
        assertMail(Mailbox.one(to.ru()), "ru", "Напоминание: приём в Expat Centre 16.12.2026 10:00",
                "Пожалуйста, подтвердите участие до 15.12.2026 10:00:", url.replace("&", "&amp;").substring(0, 40));
        assertMail(Mailbox.one(to.en()), "en", "Reminder: visit to the Expat Centre on 16.12.2026 10:00",
                "Please confirm that you will come by 15.12.2026 10:00:",
                "A visit that is not confirmed 24 hours before it starts is cancelled automatically.");
        Received own = Mailbox.one(applicant);
        assertMail(own, "kk", "Еске салу: Expat Centre-дегі қабылдау 16.12.2026 10:00",
                "Қабылдауға келуді жұмыс берушіңіз растайды.");
        assertFalse(own.text().contains("appointment-confirmations"), "the single-use link is not the applicant's");
        assertFalse(own.html().contains("appointment-confirmations"));
    }

    @Test
    void autoCancelledVisitIsExplainedInEachLanguage() {
        Audience to = audience(ACME);
        String app = draftApplication(person(null, null, null));
        inject("expat.appointment", "appointment.auto-cancelled", app, "{\"appointmentId\":\"" + UUID.randomUUID()
                + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"startsAt\":"
                + "\"2026-12-17T15:30:00+05:00\",\"reason\":\"not confirmed 24 hours before the visit\"}");
        assertMail(Mailbox.one(to.en()), "en", "Visit to the Expat Centre on 17.12.2026 15:30 cancelled: not confirmed",
                "was cancelled automatically because attendance was not confirmed 24 hours before it started.",
                "The time is free again.");
        assertMail(Mailbox.one(to.ru()), "ru", "Приём в Expat Centre 17.12.2026 15:30 отменён: участие не подтверждено",
                "отменён автоматически, так как участие не было подтверждено за 24 часа до начала.");
        Received kk = Mailbox.one(to.kk());
        assertMail(kk, "kk", "Expat Centre-дегі 17.12.2026 15:30 қабылдауы болдырылмады: келу расталмады",
                "автоматты түрде болдырылмады, себебі келу басталуына 24 сағат қалғанға дейін расталмады.");
        assertFalse(kk.text().contains("not confirmed"), "no English in the Kazakh message");
    }

    @Test
    void cancelledAndRescheduledVisitsSayWhenAndWhy() {
        Audience to = audience(ACME);
        String app = draftApplication(person(null, null, null));
        String appointment = UUID.randomUUID().toString();
        inject("expat.appointment", "appointment.rescheduled", app, appointment(appointment, app,
                "2026-12-18T11:00:00+05:00", "2026-12-18T11:30:00+05:00", "Counter closed"));
        assertMail(Mailbox.one(to.ru()), "ru", "Приём в Expat Centre перенесён на 18.12.2026 11:00",
                "Приём в Expat Centre перенесён на 18.12.2026 11:00–11:30 (время Астаны).", "Причина: Counter closed");
        assertMail(Mailbox.one(to.kk()), "kk", "Expat Centre-дегі қабылдау ауыстырылды: 18.12.2026 11:00",
                "Expat Centre-дегі қабылдау 18.12.2026 11:00–11:30 уақытына ауыстырылды (Астана уақыты).");
        inject("expat.appointment", "appointment.cancelled", app, appointment(appointment, app,
                "2026-12-18T11:00:00+05:00", "2026-12-18T11:30:00+05:00", "Applicant ill"));
        assertMail(Mailbox.await(to.en(), 2).get(1), "en", "Visit to the Expat Centre on 18.12.2026 11:00 cancelled",
                "The visit to the Expat Centre on 18.12.2026 11:00 (Astana time) was cancelled.",
                "Reason: Applicant ill");
    }

    @Test
    void invoiceAndPaymentGoToTheCompanyOnlyWithAmountsInEachLanguagesFormat() {
        String bin = freshCompany();
        Audience to = audience(bin);
        String app = UUID.randomUUID().toString(); // unknown to application-service: company contacts only
        String invoice = UUID.randomUUID().toString(); // unknown to fee-service: the total from the event
        inject("expat.fee", "invoice.issued", app, "{\"invoiceId\":\"" + invoice + "\",\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + bin + "\",\"total\":242162.50,\"currency\":\"KZT\"}");
        assertMail(Mailbox.one(to.en()), "en", "Invoice for application " + shortId(app) + ": KZT 242,162.50",
                "An invoice was issued for the application.", "Total: KZT 242,162.50", "Invoice: " + invoice);
        assertMail(Mailbox.one(to.ru()), "ru", "Счёт по заявке " + shortId(app) + ": 242 162,50 ₸",
                "По заявке выставлен счёт.", "Итого: 242 162,50 ₸");
        assertMail(Mailbox.one(to.kk()), "kk", shortId(app) + " өтінімі бойынша шот: 242 162,50 ₸",
                "Өтінім бойынша шот жазылды.", "Барлығы: 242 162,50 ₸");

        inject("expat.fee", "payment.received", app, "{\"invoiceId\":\"" + invoice + "\",\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + bin + "\",\"paymentId\":\"" + UUID.randomUUID()
                + "\",\"reference\":\"KASPI-771\",\"amount\":2162.50}");
        assertMail(Mailbox.await(to.kk(), 2).get(1), "kk", "Төлем қабылданды: 2 162,50 ₸",
                invoice + " шоты бойынша 2 162,50 ₸ төлем қабылданды (төлем нөмірі: KASPI-771). Рақмет.");
        assertMail(Mailbox.await(to.ru(), 2).get(1), "ru", "Оплата получена: 2 162,50 ₸",
                "Получена оплата 2 162,50 ₸ по счёту " + invoice + " (номер платежа KASPI-771). Спасибо.");
        assertMail(Mailbox.await(to.en(), 2).get(1), "en", "Payment received: KZT 2,162.50",
                "We received a payment of KZT 2,162.50 for invoice " + invoice + " (payment reference KASPI-771).");
    }

    @Test
    void caseCompletedSaysWhatWasIssuedUntilWhenAndWhereToDownloadItOnceNotAgainForTheStatusChange() {
        Audience to = audience(ACME);
        String applicant = Mailbox.fresh("outcome");
        String app = draftApplication(person(applicant, "en", true));
        String document = UUID.randomUUID().toString();
        // as application-service publishes a completion: the status change and the outcome in one transaction
        // (same key, same partition: consumed in this order)
        inject("expat.application", "application.status-changed", app, statusChanged(app, ACME, "IN_PROCESSING", null));
        String statusChange = inject("expat.application", "application.status-changed", app,
                statusChanged(app, ACME, "COMPLETED", null));
        inject("expat.application", "application.completed", app, completedEvent(app, ACME, null, document,
                "2027-12-31"));
        String download = "/api/v1/outcome-documents/" + document + "/content";

        Received kk = Mailbox.one(to.kk());
        assertMail(kk, "kk", shortId(app) + " өтінімі орындалды", "Өтінім орындалды. Expat Centre берген құжат:",
                "Берілді: Виза C3", "Берілген күні: 30.11.2026", "Берген орган: Migration Service, Astana",
                "Жарамдылық басталуы: 01.12.2026", "Жарамдылық мерзімі: 31.12.2027",
                "Берілген құжатты Expat Centre жүйесінде өтінімнің берілген құжаттарынан жүктеп алуға болады",
                download, "Қызметкер: ALIYA NOTIFY");
        assertFalse(kk.text().contains("Visa"), "no English in the Kazakh message:\n" + kk.text());
        assertMail(Mailbox.one(to.ru()), "ru", "Заявка " + shortId(app) + " выполнена",
                "Заявка выполнена. Expat Centre выдал:", "Выдано: Виза C3", "Дата выдачи: 30.11.2026",
                "Кем выдано: Migration Service, Astana", "Действует с: 01.12.2026", "Действует до: 31.12.2027",
                "Выданный документ можно скачать в системе Expat Centre", download);
        Received en = Mailbox.one(to.en());
        assertMail(en, "en", "Application " + shortId(app) + " completed",
                "The application is completed. The Expat Centre issued:", "Issued: Visa C3",
                "Date of issue: 30.11.2026", "Issued by: Migration Service, Astana", "Valid from: 01.12.2026",
                "Valid until: 31.12.2027", "The issued document can be downloaded", download);
        // the number is not in the event; this draft has none at application-service, so none is shown
        assertFalse(en.text().contains("No."), en.text());
        Received own = Mailbox.one(applicant);
        assertMail(own, "en", "Application " + shortId(app) + " completed", "Issued: Visa C3",
                "Valid until: 31.12.2027");
        assertFalse(own.text().contains("Employee: "));

        // exactly once: the COMPLETED status change (consumed before the outcome event) became no e-mail job
        assertNull(QuarkusTransaction.requiringNew().call(() -> NotificationJob.findById(statusChange)),
                "application.status-changed to COMPLETED must not be told a second time");
        eventually().untilAsserted(() -> api(Tokens.admin()).queryParam("applicationId", app)
                .get("/api/v1/notifications").then().statusCode(200).body("total", is(4))
                .body("items.template", everyItem(is("case-completed"))).body("items.status", everyItem(is("SENT"))));
        for (String address : List.of(to.kk(), to.ru(), to.en(), applicant)) {
            assertEquals(1, unchecked(() -> Mailbox.read(address)).size(), address);
        }
    }

    @Test
    void caseRejectedNamesEveryReasonInTheRecipientsLanguageWithTheOfficersComment() {
        Audience to = audience(ACME);
        String app = draftApplication(person(null, null, null));
        String statusChange = inject("expat.application", "application.status-changed", app,
                statusChanged(app, ACME, "REJECTED", "The passport <expired> & the permit is void"));
        inject("expat.application", "application.rejected", app, rejectedEvent(app, ACME,
                "The passport <expired> & the permit is void", "DOCUMENTS_INCOMPLETE", "DOCUMENTS_INVALID",
                "NOT_ELIGIBLE", "STATE_BODY_REFUSED", "SECURITY_CHECK_FAILED", "DUPLICATE_APPLICATION", "OTHER",
                "SOME_NEWER_REASON"));
        Map<String, List<String>> reasons = Map.of(
                "kk", List.of("Құжаттар толық емес", "Құжаттар жарамсыз",
                        "Өтініш беруші қызмет талаптарына сәйкес келмейді", "Мемлекеттік орган бас тартты",
                        "Қауіпсіздік тексеруінен өтпеді", "Өтінім басқа өтінімді қайталайды", "Басқа себеп"),
                "ru", List.of("Неполный комплект документов", "Документы недействительны",
                        "Заявитель не соответствует условиям услуги", "Отказ государственного органа",
                        "Проверка безопасности не пройдена", "Заявка дублирует другую заявку", "Иная причина"),
                "en", List.of("The documents are incomplete", "The documents are not valid",
                        "The applicant is not eligible for the service", "The state body refused",
                        "The security check was not passed", "The application duplicates another application",
                        "Another reason"));
        Map<String, Received> mail = Map.of("kk", Mailbox.one(to.kk()), "ru", Mailbox.one(to.ru()), "en",
                Mailbox.one(to.en()));
        assertMail(mail.get("kk"), "kk", shortId(app) + " өтінімі қабылданбады", "Өтінім қабылданбады.",
                "Себептері:", "Қызметкердің түсініктемесі: The passport");
        assertMail(mail.get("ru"), "ru", "Заявка " + shortId(app) + " отклонена", "Заявка отклонена.", "Причины:",
                "Комментарий сотрудника: The passport");
        assertMail(mail.get("en"), "en", "Application " + shortId(app) + " rejected",
                "The application was rejected.", "Reasons:", "Comment of the officer: The passport");
        reasons.forEach((language, words) -> {
            Received m = mail.get(language);
            for (String word : words) {
                assertTrue(m.text().lines().anyMatch(l -> l.equals("- " + word)), language + ": '" + word + "' in\n"
                        + m.text());
                assertTrue(m.html().contains("<li>" + word + "</li>"), language + ": '" + word + "' in\n" + m.html());
            }
            // a code this service has no words for yet is shown as it is, never in another language
            assertTrue(m.text().lines().anyMatch(l -> l.equals("- SOME_NEWER_REASON")), m.text());
            assertFalse(m.text().contains("DOCUMENTS_INVALID"), "codes are translated:\n" + m.text());
            assertTrue(m.text().contains("The passport <expired> & the permit is void"));
            assertTrue(m.html().contains("The passport &lt;expired&gt; &amp; the permit is void"), m.html());
        });
        assertNull(QuarkusTransaction.requiringNew().call(() -> NotificationJob.findById(statusChange)),
                "application.status-changed to REJECTED must not be told a second time");
        eventually().untilAsserted(() -> api(Tokens.admin()).queryParam("applicationId", app)
                .get("/api/v1/notifications").then().statusCode(200).body("total", is(3))
                .body("items.template", everyItem(is("case-rejected"))).body("items.status", everyItem(is("SENT"))));
    }

    @Test
    void aDuplicateEventSendsNothingTwice() {
        Audience to = audience(ACME);
        String app = draftApplication(person(null, null, null));
        String id = UUID.randomUUID().toString();
        String json = rejectedEvent(app, ACME, "Duplicate test", "OTHER");
        kz.aifc.expat.testing.KafkaProbe.send("expat.application", id, "application.rejected", app, json);
        kz.aifc.expat.testing.KafkaProbe.send("expat.application", id, "application.rejected", app, json);
        // a later event of the same application proves the duplicate was consumed before it
        inject("expat.application", "application.completed", app, completedEvent(app, ACME, null,
                UUID.randomUUID().toString(), "2027-06-30"));
        List<Received> en = Mailbox.await(to.en(), 2);
        assertEquals(List.of("Application " + shortId(app) + " rejected", "Application " + shortId(app) + " completed"),
                en.stream().map(Received::subject).toList());
        api(Tokens.admin()).queryParam("applicationId", app).get("/api/v1/notifications").then().statusCode(200)
                .body("total", is(6));
    }

    /** How the passport appears in a message in {@code language}: "title (code)" if the catalog answers in it. */
    static String document(String language) {
        var catalog = as(null, System.getProperty("expat.test.catalog-url", "http://127.0.0.1:8081"))
                .header("Accept-Language", language).get("/api/v1/services/work-visa-issuance").then()
                .statusCode(200).extract().jsonPath();
        String title = catalog.getString("documents.find { it.documentCode == 'passport' }.title");
        return language.equals(catalog.getString("language")) && title != null ? title + " (passport)" : "passport";
    }

    static String statusChanged(String app, String bin, String to, String comment) {
        return "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + bin + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"from\":\"IN_PROCESSING\",\"to\":\"" + to + "\",\"actor\":\"officer1\","
                + "\"at\":\"" + now() + "\",\"comment\":" + (comment == null ? "null" : "\"" + comment + "\"") + "}";
    }

    static String appointment(String appointment, String app, String start, String end, String reason) {
        return "{\"appointmentId\":\"" + appointment + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\""
                + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"actor\":\"hr.acme\",\"at\":\"" + now() + "\"}";
    }

    static String Formats(String iso) {
        return kz.aifc.expat.notification.service.Formats.dateTime(iso, ALMATY);
    }

    interface Call<T> {
        T get() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
