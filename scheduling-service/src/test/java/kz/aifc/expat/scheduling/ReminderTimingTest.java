package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.scheduling.service.AttendanceRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the company is asked to confirm: 48 h before the visit, moved back to the latest office-hours moment (office
 * hours, lunch break and working days of the real catalog-service). Nothing here books or moves the clock.
 */
@QuarkusTest
class ReminderTimingTest {

    private static final Duration LEAD = Duration.ofHours(48);
    // office hours as the real catalog serves them (the examples below are written for 09:00-18:00, lunch 13-14)
    private static final LocalTime OPENS = office("opens");
    private static final LocalTime CLOSES = office("closes");
    private static final LocalTime LUNCH = office("lunchStart");
    private static final LocalTime LUNCH_END = office("lunchEnd");

    private static LocalTime office(String field) {
        return LocalTime.parse(TestCalendar.catalogOffice().getString(field));
    }

    @Inject
    AttendanceRule rule;

    @Test
    void insideOfficeHoursTheReminderIsExactly48HoursAhead() {
        LocalDate thursday = monday().plusDays(3);
        for (int[] hm : new int[][]{{9, 0}, {10, 0}, {12, 30}, {14, 0}, {17, 30}}) {
            OffsetDateTime start = at(thursday, hm[0], hm[1]);
            assertEquals(start.minus(LEAD).toInstant(), rule.reminderMoment(start).toInstant(), "visit " + start);
        }
        // the boundaries are office-hours moments: opening, lunch start, lunch end, closing
        assertEquals(at(monday().plusDays(1), 13, 0).toInstant(),
                rule.reminderMoment(at(thursday, 13, 0)).toInstant());
        assertEquals(at(monday().plusDays(1), 18, 0).toInstant(),
                rule.reminderMoment(at(thursday, 18, 0)).toInstant());
    }

    @Test
    void outsideOfficeHoursItMovesBackToTheLatestOfficeMoment() {
        LocalDate tuesday = monday().plusDays(1);
        LocalDate thursday = monday().plusDays(3);
        // lunch break → lunch start
        assertEquals(at(tuesday, 13, 0).toInstant(), rule.reminderMoment(at(thursday, 13, 30)).toInstant());
        // evening → closing time of the same day
        assertEquals(at(tuesday, 18, 0).toInstant(), rule.reminderMoment(at(thursday, 20, 0)).toInstant());
        // night → closing time of the working day before, never 03:00
        assertEquals(at(monday(), 18, 0).toInstant(), rule.reminderMoment(at(thursday, 3, 0)).toInstant());
        // weekend → Friday's closing time (the Monday and Tuesday visits)
        LocalDate friday = monday().minusDays(3);
        assertEquals(at(friday, 18, 0).toInstant(), rule.reminderMoment(at(monday(), 10, 0)).toInstant());
        assertEquals(at(friday, 18, 0).toInstant(), rule.reminderMoment(at(tuesday, 16, 30)).toInstant());
        // the catalog's public holiday of the test week → closing time of the working day before it
        LocalDate holiday = TestCalendar.holiday();
        OffsetDateTime afterHoliday = at(holiday.plusDays(2), 15, 0);
        assertEquals(at(holiday.minusDays(1), 18, 0).toInstant(), rule.reminderMoment(afterHoliday).toInstant());
    }

    /**
     * Every quarter hour of the test week as a start: the moment is never later than 48 h before it, falls in office
     * hours of a working day, and is the latest such moment (no office minute lies between it and start - 48 h).
     */
    @Test
    void everyMomentIsTheLatestOfficeHoursMomentNotLaterThan48HoursBefore() {
        Map<LocalDate, Boolean> working = new HashMap<>();
        for (Map<String, Object> day : TestCalendar.catalogDays(monday().minusDays(14), monday().plusDays(7))) {
            working.put(LocalDate.parse((String) day.get("date")), (Boolean) day.get("working"));
        }
        int checked = 0;
        for (OffsetDateTime start = at(monday(), 0, 0); start.isBefore(at(monday().plusDays(7), 0, 0));
             start = start.plusMinutes(15)) {
            OffsetDateTime nominal = start.minus(LEAD);
            OffsetDateTime moment = rule.reminderMoment(start);
            assertFalse(moment.isAfter(nominal), "visit " + start + ": reminded at " + moment + ", after " + nominal);
            assertTrue(officeMoment(moment.atZoneSameInstant(TestCalendar.ZONE), working),
                    "visit " + start + ": reminded outside office hours at " + moment);
            for (OffsetDateTime t = moment.plusMinutes(1); !t.isAfter(nominal); t = t.plusMinutes(1)) {
                assertFalse(officeMoment(t.atZoneSameInstant(TestCalendar.ZONE), working),
                        "visit " + start + ": " + t + " is a later office-hours moment than " + moment);
            }
            checked++;
        }
        assertEquals(7 * 96, checked);
    }

    /** Office hours with their boundaries: [09:00, 13:00] and [14:00, 18:00] of a working day. */
    private static boolean officeMoment(ZonedDateTime t, Map<LocalDate, Boolean> working) {
        Boolean day = working.get(t.toLocalDate());
        if (day == null) {
            throw new AssertionError("no catalog answer for " + t.toLocalDate());
        }
        LocalTime time = t.toLocalTime();
        return day && ((!time.isBefore(OPENS) && !time.isAfter(LUNCH))
                || (!time.isBefore(LUNCH_END) && !time.isAfter(CLOSES)));
    }
}
