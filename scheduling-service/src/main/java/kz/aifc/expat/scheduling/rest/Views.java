package kz.aifc.expat.scheduling.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.defaults.security.CallerContext;
import kz.aifc.expat.scheduling.config.SchedulingConfig;
import kz.aifc.expat.scheduling.model.Appointment;
import kz.aifc.expat.scheduling.model.Closure;
import kz.aifc.expat.scheduling.service.Actor;
import kz.aifc.expat.scheduling.service.OfficeCalendar;
import kz.aifc.expat.scheduling.service.SlotPlanner;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Entity → DTO mapping and parsing of query parameters (bad input is a 400, never a 404/500). */
@ApplicationScoped
public class Views {

    @Inject
    SlotPlanner planner;

    @Inject
    CallerContext caller;

    @Inject
    SchedulingConfig config;

    /**
     * The caller on read routes that the notification-service's account (realm role {@code notifier}, no company)
     * may use: it reads every company's appointments, like staff, and nothing else lets it write.
     */
    Actor reader() {
        if (caller.hasRole(AppointmentResource.NOTIFIER) && !caller.isStaff()) {
            return new Actor(caller.actorName(), true, null);
        }
        return actor();
    }

    Actor actor() {
        if (caller.isStaff()) {
            return new Actor(caller.actorName(), true, null);
        }
        return new Actor(caller.actorName(), false, caller.requireCompanyBin());
    }

    String time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(planner.zone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    Dtos.AppointmentView view(Appointment a) {
        return a == null ? null : new Dtos.AppointmentView(a.id.toString(), a.applicationId, a.companyBin,
                a.serviceCode, time(a.startsAt), time(a.endsAt), a.status.name(), a.counter, time(a.holdExpiresAt),
                time(a.checkedInAt), time(a.completedAt), time(a.cancelledAt), a.cancelReason, a.cancelledBy,
                a.createdBy, time(a.createdAt), time(a.reminderSentAt),
                time(a.startsAt.minus(config.confirmBefore())), time(a.attendanceConfirmedAt),
                a.attendanceConfirmedVia == null ? null : a.attendanceConfirmedVia.name(),
                a.confirmationExemptAt != null, a.confirmationExemptReason, a.confirmationExemptBy);
    }

    Dtos.ClosureView view(Closure c, Integer cancelled) {
        return new Dtos.ClosureView(c.id.toString(), c.day.toString(),
                c.startTime == null ? null : c.startTime.toString(), c.endTime == null ? null : c.endTime.toString(),
                c.reason, c.createdBy, cancelled);
    }

    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw ProblemException.badRequest(field, "is required (YYYY-MM-DD)");
            }
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date YYYY-MM-DD");
        }
        // +999999999-12-31 parses, but date arithmetic on it overflows (500) and the catalog has no calendar for it
        return OfficeCalendar.requireSupported(field, date);
    }

    /** A moment from a request body (booking, reschedule): 400 unless its date is one the office calendar knows. */
    static OffsetDateTime moment(String field, OffsetDateTime value) {
        if (value != null) {
            OfficeCalendar.requireSupported(field, value.toLocalDate());
        }
        return value;
    }

    static LocalTime localTime(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a time HH:MM");
        }
    }
}
