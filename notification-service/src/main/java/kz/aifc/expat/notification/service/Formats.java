package kz.aifc.expat.notification.service;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, times and amounts as each language writes them (times always in the office time zone). */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {
    }

    /** 16.12.2026 10:00 in the office zone (the same numeric form in kk, ru and en). */
    public static String dateTime(String iso, ZoneId zone) {
        if (iso == null) {
            return null;
        }
        try {
            return DATE_TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public static String time(String iso, ZoneId zone) {
        try {
            return iso == null ? null : TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    public static String date(String isoDate) {
        try {
            return isoDate == null ? null : DATE.format(LocalDate.parse(isoDate));
        } catch (RuntimeException e) {
            return isoDate;
        }
    }

    /** 240 000,00 ₸ (kk, ru) or KZT 240,000.00 (en). */
    public static String money(BigDecimal amount, String language) {
        if (amount == null) {
            return null;
        }
        if ("en".equals(language)) {
            DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            return "KZT " + f.format(amount);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount) + " ₸";
    }
}
