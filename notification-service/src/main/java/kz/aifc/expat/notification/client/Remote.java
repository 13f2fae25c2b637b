package kz.aifc.expat.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** The parts of other services' answers this service reads (unknown fields ignored). */
public final class Remote {

    private Remote() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String email, String language) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contacts(String companyBin, List<Contact> contacts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(String id, String companyBin, String personId, String personName, String serviceCode,
                              String state, Outcome outcome) {
    }

    /** What a completed case issued; the number is only here (application.completed does not carry it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Outcome(String kind, String number, String category, String validUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String id, String companyBin, String firstName, String lastName, String email,
                         String preferredLanguage, boolean contactConsent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RadarItem(String personId, String firstName, String lastName, String visaType, String visaCategory,
                            String visaNumber, String validUntil, String windowFirstDay, String windowLastDay,
                            boolean windowOpen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvoiceLine(String type, String description, BigDecimal amount, Boolean waived) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invoice(String id, String applicationId, String companyBin, String status, String currency,
                          BigDecimal total, BigDecimal paid, List<InvoiceLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CatalogDocument(String documentCode, String title) {
    }

    /** The answer's {@code language} is the one the catalog actually wrote it in (it may fall back). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CatalogService(String code, String language, List<CatalogDocument> documents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(String start, String end, int capacity, int remaining) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlotList(String serviceCode, int slotMinutes, String timeZone, List<Slot> slots) {
    }
}
