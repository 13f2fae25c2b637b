package kz.aifc.expat.notification.rest;

import java.util.List;

/** The project's page shape. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
