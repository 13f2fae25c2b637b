package kz.aifc.expat.notification.service;

import io.quarkus.qute.TemplateData;

/** Items the templates iterate over (Qute needs value resolvers: @TemplateData). */
public final class MailData {

    private MailData() {
    }

    @TemplateData
    public record Document(String code, String title, String reason) {
    }

    @TemplateData
    public record SlotItem(String start, String end) {
    }

    @TemplateData
    public record Line(String description, String amount) {
    }

    /** An issued document of a completed case and where the company downloads it (document-service). */
    @TemplateData
    public record IssuedDocument(String id, String path) {
    }

    @TemplateData
    public record Employee(String name, String visa, String validUntil, String windowFirstDay, String windowLastDay,
                           boolean windowOpen) {
    }
}
