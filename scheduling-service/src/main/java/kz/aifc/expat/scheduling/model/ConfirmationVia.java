package kz.aifc.expat.scheduling.model;

/** How an appointment's attendance came to count as confirmed. */
public enum ConfirmationVia {
    /** {@code POST /appointments/{id}/confirm-attendance}. */
    API,
    /** The one-click link of the reminder. */
    LINK,
    /** Booked (or rescheduled) after the moment its reminder would have gone out: choosing the slot confirms. */
    BOOKING,
    /** The rule could not ask in time (reminder job reached it after the deadline), or booked before the rule. */
    SYSTEM
}
