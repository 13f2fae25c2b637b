package kz.aifc.expat.catalog.rest;

import kz.aifc.expat.defaults.problem.Problem;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Query-parameter parsing that collects every field error and answers 400 problem+json with all of them. */
final class Params {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2300;

    private final List<Problem.FieldError> errors = new ArrayList<>();

    LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                errors.add(new Problem.FieldError(name, "must be between " + MIN_YEAR + " and " + MAX_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    LocalDate requiredDate(String name, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(name, "is required (YYYY-MM-DD)"));
            return null;
        }
        return date(name, value);
    }

    Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.add(new Problem.FieldError(name, "must be between " + min + " and " + max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be an integer"));
            return null;
        }
    }

    Integer requiredInteger(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(name, "is required"));
            return null;
        }
        return integer(name, value, min, max);
    }

    Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new Problem.FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }

    String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            errors.add(new Problem.FieldError(name, "must be one of " + allowed.stream().sorted().toList()));
            return null;
        }
        return v;
    }

    void error(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " parameter(s) are invalid", List.copyOf(errors));
        }
    }
}
