package kz.aifc.expat.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.notification.client.Lookups;
import kz.aifc.expat.notification.client.Remote;
import kz.aifc.expat.notification.config.NotificationConfig;
import kz.aifc.expat.notification.messaging.EventTypes;
import kz.aifc.expat.notification.model.Notification;
import kz.aifc.expat.notification.model.NotificationJob;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one job into the messages it leads to: who gets it (the company's notification contacts; the applicant
 * person when the event concerns them, they have an address and consented), in which language, with which data.
 * Reads over REST — never inside a transaction. {@link Lookups.Unavailable} means "try the whole job again later".
 */
@ApplicationScoped
public class Composer {

    /** One message, rendered, before it becomes a notification row. */
    public record Draft(String recipient, String recipientKind, String template, Renderer.Rendered content,
                        String attachmentName, String attachmentType, String attachment) {
    }

    @Inject
    Lookups lookups;

    @Inject
    Renderer renderer;

    @Inject
    ObjectMapper mapper;

    @Inject
    NotificationConfig config;

    public List<Draft> compose(NotificationJob job) {
        JsonNode data = tree(job.payload);
        String template = EventTypes.template(job.eventType);
        if (template == null) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(config.timeZone());
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("applicationId", job.applicationId);
        common.put("shortId", job.applicationId == null ? "" : job.applicationId.substring(0,
                Math.min(8, job.applicationId.length())));
        String attachmentName = null;
        String attachment = null;
        boolean applicantToo = true;
        Optional<Remote.Application> application = job.applicationId == null
                || job.eventType.equals(EventTypes.VISA_EXPIRY_DIGEST)
                || job.eventType.equals(EventTypes.WEBHOOK_DISABLED) ? Optional.empty()
                : lookups.application(job.applicationId);
        String serviceCode = Optional.ofNullable(Intake.text(data, "serviceCode"))
                .orElse(application.map(Remote.Application::serviceCode).orElse(null));
        common.put("serviceCode", serviceCode);
        common.put("personName", application.map(Remote.Application::personName).orElse(null));
        // amounts are formatted per language: the per-recipient part of the data
        Map<String, BigDecimal> amounts = new HashMap<>();
        List<Remote.InvoiceLine> invoiceLines = List.of();

        switch (template) {
            case "changes-requested" -> {
                common.put("round", Intake.text(data, "round"));
                List<MailData.Document> documents = new ArrayList<>();
                JsonNode docs = data.has("documents") ? data.get("documents") : data.get("rejected");
                if (docs != null) {
                    docs.forEach(d -> documents.add(new MailData.Document(Intake.text(d, "documentCode"), null,
                            Intake.text(d, "reason"))));
                }
                common.put("documents", documents);
            }
            case "documents-approved" -> {
                List<MailData.SlotItem> slots = new ArrayList<>();
                if (serviceCode != null) {
                    List<Remote.Slot> free;
                    try {
                        free = lookups.freeSlots(serviceCode, LocalDate.now(zone), config.compose().slotDays());
                    } catch (Lookups.Unavailable e) {
                        free = List.of(); // the slots are a courtesy: the message still says booking is open
                    }
                    free.stream().limit(config.compose().slotsShown()).forEach(s -> slots.add(
                            new MailData.SlotItem(Formats.dateTime(s.start(), zone), Formats.time(s.end(), zone))));
                }
                common.put("slots", slots);
            }
            case "appointment-booked", "appointment-rescheduled", "appointment-cancelled" -> {
                appointmentTimes(common, data, zone);
                common.put("reason", Intake.text(data, "reason"));
                String appointmentId = Intake.text(data, "appointmentId");
                if (appointmentId != null) {
                    Optional<String> ics = lookups.calendar(appointmentId);
                    if (ics.isPresent()) {
                        attachment = ics.get();
                        attachmentName = "expat-centre-visit-" + appointmentId + ".ics";
                    }
                }
            }
            case "appointment-reminder" -> {
                appointmentTimes(common, data, zone);
                common.put("confirmBy", Formats.dateTime(Intake.text(data, "confirmBy"), zone));
                common.put("confirmationUrl", Intake.text(data, "confirmationUrl"));
            }
            case "appointment-auto-cancelled" -> {
                appointmentTimes(common, data, zone);
                common.put("reason", Intake.text(data, "reason"));
            }
            case "invoice-issued" -> {
                String invoiceId = Intake.text(data, "invoiceId");
                common.put("invoiceId", invoiceId);
                amounts.put("total", decimal(data, "total"));
                Optional<Remote.Invoice> invoice = invoiceId == null ? Optional.empty() : lookups.invoice(invoiceId);
                invoiceLines = invoice.map(Remote.Invoice::lines).orElse(List.of());
                applicantToo = false;
            }
            case "payment-received" -> {
                common.put("invoiceId", Intake.text(data, "invoiceId"));
                common.put("reference", Intake.text(data, "reference"));
                amounts.put("amount", decimal(data, "amount"));
                applicantToo = false;
            }
            case "case-completed" -> {
                JsonNode outcome = data.get("outcome");
                common.put("outcomeKind", Intake.text(outcome, "kind"));
                common.put("category", Intake.text(outcome, "category"));
                common.put("issuedOn", Formats.date(Intake.text(outcome, "issuedOn")));
                common.put("validFrom", Formats.date(Intake.text(outcome, "validFrom")));
                common.put("validUntil", Formats.date(Intake.text(outcome, "validUntil")));
                common.put("issuingBody", Intake.text(outcome, "issuingBody"));
                // the event leaves the number out (it stays in application-service): read with the application
                common.put("number", application.map(Remote.Application::outcome).map(Remote.Outcome::number)
                        .orElse(null));
                List<MailData.IssuedDocument> issued = new ArrayList<>();
                JsonNode ids = data.get("outcomeDocumentIds");
                if (ids != null) {
                    ids.forEach(id -> issued.add(new MailData.IssuedDocument(id.asText(),
                            "/api/v1/outcome-documents/" + id.asText() + "/content")));
                }
                common.put("issuedDocuments", issued);
            }
            case "case-rejected" -> {
                List<String> reasons = new ArrayList<>();
                JsonNode codes = data.get("reasons");
                if (codes != null) {
                    codes.forEach(c -> reasons.add(c.asText()));
                }
                common.put("reasonCodes", reasons);
                common.put("comment", Intake.text(data, "comment"));
            }
            case "visa-expiry-digest" -> {
                List<MailData.Employee> employees = new ArrayList<>();
                lookups.radar(job.companyBin, config.digest().withinDays()).forEach(r -> employees.add(
                        new MailData.Employee(r.firstName() + " " + r.lastName(),
                                (r.visaType() == null ? "" : r.visaType()) + (r.visaCategory() == null ? ""
                                        : " " + r.visaCategory()) + (r.visaNumber() == null ? "" : " " + r.visaNumber()),
                                Formats.date(r.validUntil()), Formats.date(r.windowFirstDay()),
                                Formats.date(r.windowLastDay()), r.windowOpen())));
                if (employees.isEmpty()) {
                    return List.of(); // nobody enters the window: no digest this week
                }
                common.put("employees", employees);
                common.put("count", employees.size());
                common.put("withinDays", config.digest().withinDays());
                applicantToo = false;
            }
            case "webhook-disabled" -> {
                common.put("url", Intake.text(data, "url"));
                common.put("since", Formats.dateTime(Intake.text(data, "failingSince"), zone));
                common.put("lastError", Intake.text(data, "lastError"));
                applicantToo = false;
            }
            default -> throw new IllegalStateException("no composition for template " + template);
        }

        List<Draft> drafts = new ArrayList<>();
        String ics = attachment;
        String icsName = attachmentName;
        for (Remote.Contact contact : lookups.contacts(job.companyBin)) {
            drafts.add(draft(template, contact.email(), Notification.COMPANY_CONTACT, contact.language(), common,
                    amounts, invoiceLines, true, icsName, ics));
        }
        if (applicantToo && application.isPresent() && application.get().personId() != null) {
            Optional<Remote.Person> person = lookups.person(application.get().personId());
            if (person.isPresent() && person.get().contactConsent() && person.get().email() != null
                    && !person.get().email().isBlank()) {
                drafts.add(draft(template, person.get().email(), Notification.APPLICANT,
                        person.get().preferredLanguage(), common, amounts, invoiceLines, false, icsName, ics));
            }
        }
        return drafts;
    }

    private Draft draft(String template, String recipient, String kind, String recipientLanguage,
                        Map<String, Object> common, Map<String, BigDecimal> amounts,
                        List<Remote.InvoiceLine> lines, boolean companyRecipient, String attachmentName,
                        String attachment) {
        String language = renderer.language(template, recipientLanguage);
        Map<String, Object> data = new LinkedHashMap<>(common);
        amounts.forEach((k, v) -> data.put(k, Formats.money(v, language)));
        if (common.get("documents") instanceof List<?> docs && !docs.isEmpty() && common.get("serviceCode") != null) {
            Map<String, String> titles;
            try {
                titles = lookups.documentTitles((String) common.get("serviceCode"), language);
            } catch (Lookups.Unavailable e) {
                titles = Map.of(); // the codes and the officer's reasons still say what to fix
            }
            Map<String, String> t = titles;
            data.put("documents", docs.stream().map(o -> (MailData.Document) o)
                    .map(d -> new MailData.Document(d.code(), t.get(d.code()), d.reason())).toList());
        }
        // outcome kind and rejection reasons are codes in the event: words of the message's language
        if (common.get("outcomeKind") instanceof String outcomeKind) {
            data.put("kind", CaseTexts.kind(outcomeKind, language));
        }
        if (common.get("reasonCodes") instanceof List<?> codes) {
            data.put("reasons", codes.stream().map(c -> CaseTexts.reason((String) c, language)).toList());
        }
        data.put("lines", lines.stream().map(l -> new MailData.Line(l.description(),
                Formats.money(l.amount(), language))).toList());
        data.put("toCompany", companyRecipient);
        if (!companyRecipient) {
            data.put("confirmationUrl", null); // the single-use link is the company's to use
        }
        return new Draft(recipient.trim(), kind, template, renderer.render(template, language, data), attachmentName,
                attachment == null ? null : "text/calendar", attachment);
    }

    private static void appointmentTimes(Map<String, Object> common, JsonNode data, ZoneId zone) {
        String start = Optional.ofNullable(Intake.text(data, "startsAt")).orElse(Intake.text(data, "start"));
        String end = Optional.ofNullable(Intake.text(data, "endsAt")).orElse(Intake.text(data, "end"));
        common.put("start", Formats.dateTime(start, zone));
        common.put("end", Formats.time(end, zone));
        common.put("appointmentId", Intake.text(data, "appointmentId"));
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode v = data.get(field);
        return v == null || v.isNull() ? null : new BigDecimal(v.asText());
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("job payload is not JSON", e);
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
