package kz.aifc.expat.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import kz.aifc.expat.defaults.openapi.ContractFilter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.Condition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Response and request bodies of the catalogue API (texts already in the requested language). */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    public record ServiceSummary(String code, String group, String groupTitle, int order, String title,
                                 String description, List<String> visaCategories, boolean familyMembers,
                                 boolean feesStated, int catalogVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ServiceView(String code, String group, String groupTitle, int order, String title,
                              String description, List<String> visaCategories, boolean familyMembers,
                              int catalogVersion, LocalDate effectiveFrom, String language,
                              List<String> applicationProcess, List<StepView> steps, ValidityView validity,
                              List<RuleView> rules, List<NoteView> notes, String documentsFrom,
                              List<RequirementView> documents, FeesView fees) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record StepView(int order, String place, boolean informational, String title, List<String> items) {
    }

    public record ValidityView(int max, String unit, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record RuleView(String code, String kind, Map<String, JsonNode> params, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record NoteView(String code, String text, Integer delayCalendarDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record RequirementView(String documentCode, String title, String note, boolean mandatory,
                                  String delivery, boolean notarised, boolean legalised,
                                  List<Condition> conditions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ChecklistItem(String documentCode, String title, String note, boolean mandatory, String delivery,
                                boolean notarised, boolean legalised) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ProfileView(String legalForm, String applicantType, String visaCategory, Integer childAge,
                              String variant, String entity) {
    }

    public record ChecklistView(String serviceCode, int catalogVersion, String language, ProfileView profile,
                                List<ChecklistItem> items) {
    }

    public record MrpView(int year, BigDecimal amount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record ServiceFeeView(String variant, String title, BigDecimal amount) {
    }

    public record ProcessingTimeView(String kind, int min, int max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record TotalView(String variant, String option, BigDecimal amount) {
    }

    /**
     * Absent (null) fee members mean the guide states none; {@code feesStated=false}: no fees at all.
     * {@code mrpProvisional}: the MRP of the fee date's year is not published, {@code mrp} is the latest earlier
     * year's and every amount computed from it is provisional. {@code paymentDocuments}: documents of the service's
     * list that prove a payment (e.g. the state duty receipt), asked for even where the guide prints no amount.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record FeesView(String serviceCode, int catalogVersion, String currency, boolean feesStated, MrpView mrp,
                           List<ServiceFeeView> serviceFees, BigDecimal personalManagerFee, BigDecimal priorityFee,
                           BigDecimal stateDutyMrp, BigDecimal stateDutyAmount, String stateDutyBasis,
                           ProcessingTimeView processingTime, List<TotalView> totals, List<String> notes,
                           String language, int feeYear, boolean mrpProvisional,
                           List<PaymentDocumentView> paymentDocuments) {
    }

    public record PaymentDocumentView(String documentCode, String title, String paymentOf, boolean mandatory) {
    }

    public record OfficeView(String timeZone, String opens, String closes, String lunchStart, String lunchEnd,
                             List<String> workingDays, String address, String email, List<PhoneView> phones,
                             int catalogVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record PhoneView(String number, String hours) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record DayView(LocalDate date, boolean working, String kind, String reason) {
    }

    public record AddWorkingDaysView(LocalDate date, int days, LocalDate result) {
    }

    public record WorkingDaysBetweenView(LocalDate from, LocalDate to, int workingDays) {
    }

    public record VersionSummary(int version, LocalDate effectiveFrom, OffsetDateTime publishedAt,
                                 String publishedBy, boolean inForce) {
    }

    public record VersionView(int version, LocalDate effectiveFrom, OffsetDateTime publishedAt, String publishedBy,
                              @Schema(implementation = CatalogContent.class) Object content) {
    }

    /** Admin: publish a new version. */
    public record PublishRequest(LocalDate effectiveFrom,
                                 @Schema(implementation = CatalogContent.class) JsonNode content) {
    }

    /** Admin: set the MRP of a year. */
    public record MrpRequest(BigDecimal amount, String source) {
    }

    /** Admin: add or change an explicit calendar day. */
    public record CalendarDayRequest(Boolean working, String kind, String reasonRu, String reasonEn, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(extensions = @Extension(name = ContractFilter.OMITS_NULLS, value = "true"))
    public record CalendarDayView(LocalDate date, boolean working, String kind, String reasonRu, String reasonEn,
                                  String source) {
    }
}
