package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.AppointmentStatus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 5545 calendar file for one appointment, in the office time zone. Written by hand rather than with ical4j
 * 4.0.7, whose bundled time-zone data still has Asia/Almaty at UTC+6 (Kazakhstan moved to UTC+5 on 2024-03-01) and
 * which folds lines by characters, not octets. The VTIMEZONE is derived from the JDK's zone rules; the tests parse
 * the result with ical4j. CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), TEXT escaped.
 */
@ApplicationScoped
public class IcsWriter {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    @Inject
    Clock clock;

    public String write(Appointment a, OfficeCalendar.Office office) {
        ZoneId zone = office.zone();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//AIFC Expat Centre//scheduling-service//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        vtimezone(lines, zone, a.startsAt.toInstant());
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + a.id + "@expat.aifc.kz");
        lines.add("DTSTAMP:" + UTC.format(Instant.now(clock)));
        lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(a.startsAt.atZoneSameInstant(zone)));
        lines.add("DTEND;TZID=" + zone.getId() + ":" + LOCAL.format(a.endsAt.atZoneSameInstant(zone)));
        lines.add("SUMMARY:" + text("AIFC Expat Centre: visit to hand in original documents (application "
                + a.applicationId + ")"));
        if (office.address() != null) {
            lines.add("LOCATION:" + text(office.address()));
        }
        StringBuilder description = new StringBuilder("Service: ").append(a.serviceCode)
                .append("\nApplication: ").append(a.applicationId);
        if (a.counter != null) {
            description.append("\nCounter: ").append(a.counter);
        }
        description.append("\nBring the original documents of your checklist.");
        if (office.email() != null) {
            description.append("\nQuestions: ").append(office.email());
        }
        lines.add("DESCRIPTION:" + text(description.toString()));
        lines.add("STATUS:" + (a.status == AppointmentStatus.CANCELLED || a.status == AppointmentStatus.EXPIRED
                ? "CANCELLED" : "CONFIRMED"));
        lines.add("SEQUENCE:" + a.version);
        lines.add("TRANSP:OPAQUE");
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> fold(out, line));
        return out.toString();
    }

    /** The zone's offset in force at {@code at}, plus the next change if any (offsets from the JDK's tz data). */
    private static void vtimezone(List<String> lines, ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
        if (previous == null) {
            ZoneOffset offset = rules.getOffset(at);
            observance(lines, false, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset);
        } else {
            observance(lines, rules.isDaylightSavings(previous.getInstant()), previous.getDateTimeBefore(),
                    previous.getOffsetBefore(), previous.getOffsetAfter());
        }
        ZoneOffsetTransition next = rules.nextTransition(at);
        if (next != null && next.getInstant().isBefore(at.plusSeconds(366L * 24 * 3600))) {
            observance(lines, rules.isDaylightSavings(next.getInstant()), next.getDateTimeBefore(),
                    next.getOffsetBefore(), next.getOffsetAfter());
        }
        lines.add("END:VTIMEZONE");
    }

    private static void observance(List<String> lines, boolean daylight, LocalDateTime start, ZoneOffset from,
                                   ZoneOffset to) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.add("BEGIN:" + kind);
        lines.add("DTSTART:" + LOCAL.format(start));
        lines.add("TZOFFSETFROM:" + offset(from));
        lines.add("TZOFFSETTO:" + offset(to));
        lines.add("TZNAME:" + to.getId().replace("Z", "+00:00").replace(":", "").substring(0, 3));
        lines.add("END:" + kind);
    }

    /** {@code +0500}; seconds are dropped (no modern zone has them). */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        return String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
    }

    /** RFC 5545 TEXT escaping. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line folded at 75 octets, continuation lines starting with a space, CRLF ends. */
    static void fold(StringBuilder out, String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
