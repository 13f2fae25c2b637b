package kz.aifc.expat.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

/** Dates of the test week, relative to the real today, inside the 30-day booking horizon. */
public final class TestCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    public static final String ADDRESS = "Mangilik El avenue 55/18, pavilion C3.3; Astana, 010017, Kazakhstan "
            + "(проспект Мангилик Ел 55/18, павильон С3.3)";

    private TestCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Monday of the test week: at least three days ahead, so every slot of the week is past the lead time. */
    public static LocalDate monday() {
        return today().plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** The Wednesday of the test week is a public holiday in the stubbed catalog calendar. */
    public static LocalDate holiday() {
        return monday().plusDays(2);
    }

    public static OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toOffsetDateTime();
    }

    public static String iso(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
