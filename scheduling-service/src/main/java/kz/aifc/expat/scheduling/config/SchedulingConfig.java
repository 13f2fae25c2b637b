package kz.aifc.expat.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Everything about office capacity and booking rules that an operator may tune (prefix {@code scheduling}). */
@ConfigMapping(prefix = "scheduling")
public interface SchedulingConfig {

    /** Time zone of the office; the API answers with this zone's offset. */
    @WithDefault("Asia/Almaty")
    ZoneId zone();

    /** Slot length for services without an entry in {@link #slotMinutes()}. */
    @WithDefault("30")
    int defaultSlotMinutes();

    /** Slot length per service code, e.g. {@code scheduling.slot-minutes."iin"=15}. */
    Map<String, Integer> slotMinutes();

    /** Open counters on a working day without a per-weekday entry or a per-date override. */
    @WithDefault("3")
    int defaultCounters();

    /** Open counters per weekday, e.g. {@code scheduling.counters."friday"=2}. */
    Map<String, Integer> counters();

    /** How many calendar days ahead a visit may be booked. */
    @WithDefault("30")
    int horizonDays();

    /** No booking of a slot that starts sooner than this. */
    @WithDefault("PT2H")
    Duration leadTime();

    /** Company users may cancel or reschedule only up to this long before the start. */
    @WithDefault("PT24H")
    Duration minNotice();

    /** How long a held slot waits for confirmation. */
    @WithDefault("PT5M")
    Duration holdDuration();

    /**
     * Live holds one company may have at once (security finding #14.14): holds take seats from everyone without a
     * commitment, so one company cannot keep a day's seats blocked by holding them all.
     */
    @WithDefault("20")
    int maxHoldsPerCompany();

    /**
     * How long a company waits before it may hold again a seat whose hold it just let go (expired or cancelled):
     * re-holding the same seat every few minutes would block it without ever booking it.
     */
    @WithDefault("PT2M")
    Duration holdCooldown();

    /**
     * How long before the start the company is asked to confirm attendance ({@code appointment.reminder-due}); the
     * moment is moved back into office hours (see {@code AttendanceRule}). Must exceed {@link #confirmBefore()}.
     */
    @WithDefault("PT48H")
    Duration reminderLead();

    /**
     * An appointment whose attendance is not confirmed this long before its start is cancelled; the one-click link
     * expires then too.
     */
    @WithDefault("PT24H")
    Duration confirmBefore();

    /** How often expired holds are swept (Quarkus scheduler syntax, e.g. {@code 5s}). */
    @WithDefault("5s")
    String holdSweepInterval();

    /** How often due reminders are looked for. */
    @WithDefault("60s")
    String reminderInterval();

    /** How long calendar data from catalog-service is reused before it is fetched again. */
    @WithDefault("PT10M")
    Duration calendarCacheTtl();

    /** The one-click attendance link sent in the reminder. */
    Link link();

    interface Link {
        /** Absolute URL the link starts with (where people reach this service from their e-mail). */
        @WithDefault("http://127.0.0.1:8084")
        String baseUrl();

        /** HMAC-SHA256 key signing the link's token; at least 32 characters, the same on every replica. */
        @Size(min = 32)
        String key();
    }

    /** Office used when catalog-service cannot be reached and nothing is cached yet. */
    Office office();

    interface Office {
        @WithDefault("09:00")
        LocalTime opens();

        @WithDefault("18:00")
        LocalTime closes();

        @WithDefault("13:00")
        LocalTime lunchStart();

        @WithDefault("14:00")
        LocalTime lunchEnd();

        @WithDefault("AIFC Expat Centre, Mangilik El avenue 55/18, pavilion C3.3, Astana 010017, Kazakhstan")
        String address();

        Optional<String> email();
    }

    default int slotMinutesFor(String serviceCode) {
        Integer minutes = serviceCode == null ? null : slotMinutes().get(serviceCode);
        return minutes != null ? minutes : defaultSlotMinutes();
    }

    default int countersOn(DayOfWeek day) {
        Integer n = counters().get(day.name().toLowerCase(java.util.Locale.ROOT));
        return n != null ? n : defaultCounters();
    }
}
