package kz.aifc.expat.fee.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.aifc.expat.fee.model.Invoice;
import kz.aifc.expat.fee.model.InvoiceLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice's texts per language, frozen at issue like its amounts: {@code invoice_line.texts} and
 * {@code invoice.notes_texts} hold JSON by language tag. An invoice is shown in a language only if every one of its
 * texts exists in it; invoices issued before texts were stored have English only (their plain columns).
 */
public final class InvoiceTexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, LineText>> LINE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> NOTES = new TypeReference<>() {
    };

    public record LineText(String description, String basis, String waiverReason, String paymentDocumentTitle) {
    }

    private InvoiceTexts() {
    }

    public static String lineJson(Map<Lang, LineText> texts) {
        Map<String, LineText> out = new LinkedHashMap<>();
        texts.forEach((lang, text) -> out.put(lang.tag(), text));
        return write(out);
    }

    public static String notesJson(Map<Lang, List<String>> notes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        notes.forEach((lang, list) -> out.put(lang.tag(), list));
        return write(out);
    }

    public static LineText line(InvoiceLine line, Lang lang) {
        if (line.texts == null) {
            return lang == Lang.EN ? new LineText(line.description, line.basis, line.waiverReason, null) : null;
        }
        return read(line.texts, LINE).get(lang.tag());
    }

    public static List<String> notes(Invoice invoice, Lang lang) {
        if (invoice.notesTexts == null) {
            return lang == Lang.EN ? (invoice.notes == null ? List.of() : List.of(invoice.notes.split("; "))) : null;
        }
        return read(invoice.notesTexts, NOTES).get(lang.tag());
    }

    /** The first of {@code candidates} in which every text of the invoice exists (English always does). */
    public static Lang language(Invoice invoice, List<Lang> candidates) {
        for (Lang lang : candidates) {
            if (notes(invoice, lang) != null && invoice.lines.stream().allMatch(l -> line(l, lang) != null)) {
                return lang;
            }
        }
        return Lang.EN;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable invoice texts", e);
        }
    }
}
