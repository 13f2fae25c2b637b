package kz.aifc.expat.scheduling.messaging;

/** This service's copy of the event records it publishes and consumes (docs/CONTRACTS.md). */
public final class Events {

    public static final String APPOINTMENT_TOPIC = "expat.appointment";

    public static final String BOOKED = "appointment.booked";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String CHECKED_IN = "appointment.checked-in";
    public static final String NO_SHOW = "appointment.no-show";
    public static final String COMPLETED = "appointment.completed";
    public static final String REMINDER_DUE = "appointment.reminder-due";
    public static final String AUTO_CANCELLED = "appointment.auto-cancelled";
    public static final String ATTENDANCE_CONFIRMED = "appointment.attendance-confirmed";

    public static final String DOCUMENTS_APPROVED = "documents.approved";
    public static final String CHANGES_REQUESTED = "application.changes-requested";
    public static final String WITHDRAWN = "application.withdrawn";
    public static final String STATUS_CHANGED = "application.status-changed";

    public static final String CATALOG_TOPIC = "expat.catalog";
    public static final String CALENDAR_CHANGED = "catalog.calendar-changed";

    private Events() {
    }

    /** Data of every {@code appointment.*} event; start/end/at are ISO-8601 with the office offset. */
    public record AppointmentEvent(String appointmentId, String applicationId, String companyBin, String serviceCode,
                                   String start, String end, String reason, String actor, String at) {
    }

    /**
     * {@code appointment.reminder-due}: the company is asked to confirm attendance. The common fields, plus
     * {@code startsAt}/{@code endsAt} (= start/end), {@code confirmBy} (start minus the confirm deadline, 24 h) and
     * {@code confirmationUrl}, the absolute one-click link (single use, valid until confirmBy).
     */
    public record ReminderDue(String appointmentId, String applicationId, String companyBin, String serviceCode,
                              String start, String end, String reason, String actor, String at, String startsAt,
                              String endsAt, String confirmBy, String confirmationUrl) {
    }

    /**
     * {@code appointment.auto-cancelled}: not confirmed by {@code confirmBy}, cancelled by the rule and its seat
     * released; published instead of {@code appointment.cancelled}, never with it.
     */
    public record AutoCancelled(String appointmentId, String applicationId, String companyBin, String serviceCode,
                                String start, String end, String reason, String actor, String at, String startsAt,
                                String confirmBy) {
    }

    /** {@code appointment.attendance-confirmed}; {@code via} is {@code api} or {@code link}. */
    public record AttendanceConfirmed(String appointmentId, String applicationId, String companyBin,
                                      String serviceCode, String start, String end, String actor, String at,
                                      String startsAt, String confirmedAt, String via) {
    }

    /**
     * {@code documents.approved} (topic expat.document). {@code bookingNeeded} is false when the originals were
     * already received and only corrected documents were approved again; absent (older events) means true.
     */
    public record DocumentsApproved(String applicationId, String companyBin, String serviceCode, Integer round,
                                    String approvedAt, Boolean bookingNeeded) {

        public boolean visitNeeded() {
            return bookingNeeded == null || bookingNeeded;
        }
    }

    /**
     * {@code catalog.calendar-changed} (topic expat.catalog, key = the date): the day as an admin's change left it.
     * {@code name} is the Russian reason (null after a removal), {@code kind} e.g. HOLIDAY, TRANSFER_WORKING_DAY,
     * WORKING_DAY, WEEKEND.
     */
    public record CalendarChanged(String date, Boolean working, String kind, String name, String nameEn,
                                  String changedAt, String changedBy) {
    }

    /** {@code application.changes-requested} (topic expat.application). */
    public record ChangesRequested(String applicationId, String companyBin, Integer round, String at) {
    }

    /** {@code application.withdrawn} (topic expat.application). */
    public record Withdrawn(String applicationId, String companyBin, String at) {
    }

    /** {@code application.status-changed} (topic expat.application). */
    public record StatusChanged(String applicationId, String companyBin, String serviceCode, String from, String to,
                                String actor, String at) {
    }
}
