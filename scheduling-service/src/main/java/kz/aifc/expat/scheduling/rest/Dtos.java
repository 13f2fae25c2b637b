package kz.aifc.expat.scheduling.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies (separate from the entities: no mass assignment). Times: ISO-8601 with offset. */
public final class Dtos {

    private Dtos() {
    }

    public record SlotView(String start, String end, int capacity, int remaining) {
    }

    public record SlotList(String serviceCode, int slotMinutes, String timeZone, List<SlotView> slots) {
    }

    public record BookRequest(@NotBlank @Size(max = 64) String applicationId, @NotNull OffsetDateTime start,
                              Boolean hold) {
    }

    public record RescheduleRequest(@NotNull OffsetDateTime start) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    /**
     * {@code confirmBy}: attendance must be confirmed before it (start minus the confirm deadline);
     * {@code attendanceConfirmedVia}: API, LINK, BOOKING (booked after the reminder moment) or SYSTEM.
     */
    public record AppointmentView(String id, String applicationId, String companyBin, String serviceCode,
                                  String start, String end, String status, Integer counter, String holdExpiresAt,
                                  String checkedInAt, String completedAt, String cancelledAt, String cancelReason,
                                  String cancelledBy, String createdBy, String createdAt, String reminderSentAt,
                                  String confirmBy, String attendanceConfirmedAt, String attendanceConfirmedVia,
                                  boolean confirmationExempt, String confirmationExemptReason,
                                  String confirmationExemptBy) {
    }

    public record ExemptRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The answer of the one-click link (JSON form; browsers get the same as a small HTML page). */
    public record AttendanceLinkView(String appointmentId, String start, String end, String status,
                                     boolean attendanceConfirmed, boolean alreadyConfirmed, String confirmedAt,
                                     String message) {
    }

    public record BookingStatus(String applicationId, String companyBin, String serviceCode, boolean bookingOpen,
                                String closedReason, int round, AppointmentView activeAppointment) {
    }

    public record CounterDay(int counter, List<AppointmentView> appointments) {
    }

    /** {@code waiting}: visits of the day without a counter yet (booked, or missed); {@code counters}: the rest. */
    public record DayView(String date, int countersOpen, List<AppointmentView> waiting, List<CounterDay> counters) {
    }

    public record ClosureRequest(@NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String date,
                                 @Pattern(regexp = "\\d{2}:\\d{2}") String startTime,
                                 @Pattern(regexp = "\\d{2}:\\d{2}") String endTime,
                                 @NotBlank @Size(max = 500) String reason) {
    }

    public record ClosureView(String id, String date, String startTime, String endTime, String reason,
                              String createdBy, Integer cancelledAppointments) {
    }

    public record CountersRequest(@NotNull @Min(0) @Max(100) Integer counters) {
    }

    public record CountersView(String date, int counters, String updatedBy) {
    }

    /** Counters of a weekday: a JSON integer (no 2.5, no "3"), same bounds as the per-date request. */
    public record WeekdayCountersRequest(@NotNull @Min(0) @Max(100)
                                         @JsonDeserialize(using = StrictInt.class) Integer counters) {
    }

    /** {@code source}: ADMIN (set through the API) or CONFIG (configuration); {@code configured}: the latter. */
    public record WeekdayCountersView(String weekday, int counters, String source, int configured, String updatedBy,
                                      String updatedAt) {
    }

    /** Accepts only a JSON integer that fits an int; anything else is a 400 malformed-body. */
    public static final class StrictInt extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                return (Integer) ctxt.handleUnexpectedToken(Integer.class, p.currentToken(), p,
                        "must be an integer");
            }
            return p.getIntValue();
        }
    }
}
