package kz.aifc.expat.catalog.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working-day arithmetic of the office. Monday to Friday are working days unless an explicit day says otherwise
 * (public holiday, day off moved from a holiday on a weekend, decreed transfer); an explicit working day (a Saturday
 * worked after a decreed transfer) overrides the weekend. Immutable and pure: rebuilt whenever the data changes.
 */
public final class WorkingCalendar {

    /** An explicit calendar entry (weekends without an entry are implicit). */
    public record Day(LocalDate date, boolean working, String kind, String reasonRu, String reasonEn) {
    }

    /** Guard against absurd loops: ten years of working days. */
    public static final int MAX_DAYS = 2600;

    private final NavigableMap<LocalDate, Day> days;
    private final Set<DayOfWeek> workingWeekdays;

    public WorkingCalendar(Map<LocalDate, Day> days, Set<DayOfWeek> workingWeekdays) {
        this.days = new TreeMap<>(days);
        this.workingWeekdays = Set.copyOf(workingWeekdays);
    }

    public static WorkingCalendar mondayToFriday(Map<LocalDate, Day> days) {
        return new WorkingCalendar(days, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    }

    public boolean isWorking(LocalDate date) {
        Day day = days.get(date);
        return day != null ? day.working() : workingWeekdays.contains(date.getDayOfWeek());
    }

    /** Whether the date is a working day by its weekday alone (what it is without an explicit entry). */
    public boolean isWorkingWeekday(LocalDate date) {
        return workingWeekdays.contains(date.getDayOfWeek());
    }

    /** The explicit entry for a date, or null for an ordinary weekday or weekend. */
    public Day entry(LocalDate date) {
        return days.get(date);
    }

    public NavigableMap<LocalDate, Day> entries() {
        return java.util.Collections.unmodifiableNavigableMap(days);
    }

    /**
     * The {@code n}-th working day after {@code date} (before it for negative {@code n}); the start date itself is
     * not counted. For {@code n = 0}: {@code date} if it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (Math.abs(n) > MAX_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_DAYS + " working days");
        }
        if (n == 0) {
            LocalDate d = date;
            while (!isWorking(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        int left = Math.abs(n);
        LocalDate d = date;
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorking(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * Working days in the half-open interval ({@code from}, {@code to}]: the inverse of {@link #addWorkingDays} for a
     * working {@code to}. Negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorking(d)) {
                count++;
            }
        }
        return count;
    }
}
