package kz.aifc.expat.catalog.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure working-day arithmetic, on hand-made data (the seeded 2026 calendar is tested through the API). */
class WorkingCalendarTest {

    static final LocalDate HOLIDAY = LocalDate.of(2030, 5, 8);          // Wednesday
    static final LocalDate WORKED_SATURDAY = LocalDate.of(2030, 5, 11); // Saturday made a working day
    static final WorkingCalendar CAL = WorkingCalendar.mondayToFriday(Map.of(
            HOLIDAY, new WorkingCalendar.Day(HOLIDAY, false, "HOLIDAY", "праздник", "holiday"),
            WORKED_SATURDAY, new WorkingCalendar.Day(WORKED_SATURDAY, true, "TRANSFER_WORKING_DAY", "рабочая суббота",
                    "working Saturday")));

    @ParameterizedTest
    @CsvSource({
            "2030-05-06, true",   // Monday
            "2030-05-08, false",  // holiday on a Wednesday
            "2030-05-11, true",   // decreed working Saturday
            "2030-05-12, false",  // Sunday
            "2030-05-18, false",  // ordinary Saturday
    })
    void workingDays(LocalDate date, boolean working) {
        assertEquals(working, CAL.isWorking(date));
    }

    @ParameterizedTest
    @CsvSource({
            "2030-05-07, 1, 2030-05-09",   // skips the holiday
            "2030-05-07, 3, 2030-05-11",   // lands on the worked Saturday
            "2030-05-07, 4, 2030-05-13",   // skips Sunday
            "2030-05-10, 0, 2030-05-10",   // zero on a working day: that day
            "2030-05-12, 0, 2030-05-13",   // zero on a day off: next working day
            "2030-05-13, -1, 2030-05-11",  // backwards onto the worked Saturday
            "2030-05-09, -1, 2030-05-07",  // backwards skips the holiday
            "2030-05-08, 1, 2030-05-09",   // from a day off
    })
    void addWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertEquals(expected, CAL.addWorkingDays(from, n));
    }

    @Test
    void betweenIsHalfOpenAndInvertsAddition() {
        LocalDate from = LocalDate.of(2030, 5, 1);
        for (int n = 0; n <= 40; n++) {
            LocalDate to = CAL.addWorkingDays(from, n);
            if (n > 0) {
                assertEquals(n, CAL.workingDaysBetween(from, to), "n=" + n);
                assertEquals(-n, CAL.workingDaysBetween(to, from), "reverse n=" + n);
            }
        }
        assertEquals(0, CAL.workingDaysBetween(from, from));
        // Tue 7 May .. Mon 13 May: 9, 10, 11 (Saturday worked), 13 → 4; the holiday on 8 May does not count
        assertEquals(4, CAL.workingDaysBetween(LocalDate.of(2030, 5, 7), LocalDate.of(2030, 5, 13)));
    }

    @Test
    void absurdSpansAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CAL.addWorkingDays(HOLIDAY, WorkingCalendar.MAX_DAYS + 1));
        assertTrue(CAL.addWorkingDays(HOLIDAY, WorkingCalendar.MAX_DAYS).isAfter(HOLIDAY));
        assertFalse(CAL.isWorking(HOLIDAY));
    }
}
