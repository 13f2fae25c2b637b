package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.scheduling.service.AttendanceRule;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.booked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CalendarFileAndReminderTest {

    @Inject
    AttendanceRule attendance;

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    @Test
    void theCalendarFileParsesStrictlyAndShowsTheLocalTime() throws Exception {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(1), 14, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        var response = as(Tokens.hrAcme()).get("/api/v1/appointments/" + id + "/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract();
        String ics = new String(response.asByteArray(), StandardCharsets.UTF_8);

        for (String line : ics.split("\r\n", -1)) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
            assertTrue(!line.contains("\n") && !line.contains("\r"), "CRLF line ends only");
        }
        assertTrue(ics.endsWith("\r\n"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics)); // strict (non-relaxed) parsing
        calendar.validate();
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        Property dtStart = event.getProperty(Property.DTSTART).orElseThrow();
        assertEquals(start.toLocalDate().toString().replace("-", "") + "T140000", dtStart.getValue(),
                "14:00 local time");
        assertEquals("Asia/Almaty", dtStart.getParameter("TZID").orElseThrow().getValue());
        assertEquals(start.toLocalDate().toString().replace("-", "") + "T143000",
                event.getProperty(Property.DTEND).orElseThrow().getValue());
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertEquals("Asia/Almaty", zone.getProperty(Property.TZID).orElseThrow().getValue());
        assertEquals("+0500", zone.getObservances().get(0).getProperty(Property.TZOFFSETTO).orElseThrow()
                .getValue(), "Kazakhstan is on UTC+5 since 2024-03-01");
        assertEquals(TestCalendar.catalogOffice().getString("address"),
                event.getProperty(Property.LOCATION).orElseThrow().getValue(),
                "address from the catalog, escaped and folded correctly");
        assertEquals(id + "@expat.aifc.kz", event.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("CONFIRMED", event.getProperty(Property.STATUS).orElseThrow().getValue());
    }

    @Test
    void eachReminderIsPublishedOnceEvenWithConcurrentJobs() throws Exception {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(1), 16, 30);
        String id = booked(Tokens.hrAcme(), app, start);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            // past the reminder moment (48 h before, moved back to Friday 18:00), before the confirm deadline
            AdjustableClock.set(start.minusHours(47).toInstant());
            // two "replicas" racing, on top of the scheduled job itself
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(attendance::sendDueReminders);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(attendance::sendDueReminders);
            a.get();
            b.get();
            List<ConsumerRecord<String, String>> reminders = probe.await(
                    KafkaProbe.ofType("appointment.reminder-due", app), 1, Duration.ofSeconds(90));
            assertEquals(1, reminders.size());
            assertTrue(reminders.get(0).value().contains(id));
            // keep listening while the scheduled job runs a few more times: still one
            List<ConsumerRecord<String, String>> all = probe.collect(
                    KafkaProbe.ofType("appointment.reminder-due", app), Duration.ofSeconds(6));
            assertEquals(1, all.size());
            assertEquals(1, TestSupport.count("SELECT count(*) FROM outbox_event WHERE event_key = ? "
                    + "AND event_type = 'appointment.reminder-due'", app));
        }
        assertEquals(1, TestSupport.count("SELECT count(*) FROM appointment WHERE id = ?::uuid "
                + "AND reminder_sent_at IS NOT NULL", id));
    }
}
