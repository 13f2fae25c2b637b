package kz.aifc.expat.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.aifc.expat.document.client.CatalogChecklist;
import kz.aifc.expat.document.messaging.Events;
import kz.aifc.expat.document.model.Checklist;
import kz.aifc.expat.document.model.ChecklistStatus;
import kz.aifc.expat.document.model.Delivery;
import kz.aifc.expat.document.model.Requirement;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Builds checklists from the catalog's answer when an application is submitted, and closes them when it ends. Holds
 * no catalog client: {@link ChecklistLoader} asks the catalog with no transaction open and hands the answer in.
 */
@ApplicationScoped
public class ChecklistService {

    private static final Logger LOG = Logger.getLogger(ChecklistService.class);
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Almaty");

    @Inject
    ObjectMapper mapper;

    @Inject
    ReviewService review;

    static LocalDate asOf(Events.ApplicationSubmitted event) {
        OffsetDateTime submittedAt = event.submittedAt() != null ? event.submittedAt()
                : OffsetDateTime.now(ZoneOffset.UTC);
        return submittedAt.atZoneSameInstant(OFFICE_ZONE).toLocalDate();
    }

    /**
     * application.submitted: one checklist per application (a repeated submission event changes nothing), filled
     * with {@code answer} from {@link ChecklistLoader#catalogFor}, asked before this transaction.
     */
    @Transactional
    public void onSubmitted(Events.ApplicationSubmitted event, Optional<CatalogChecklist> answer) {
        if (event.applicationId() == null || event.companyBin() == null || event.serviceCode() == null) {
            LOG.warnf("application.submitted without applicationId/companyBin/serviceCode ignored: %s", event);
            return;
        }
        if (Checklist.byApplication(event.applicationId()).isPresent()) {
            return;
        }
        Checklist checklist = new Checklist();
        checklist.id = UUID.randomUUID();
        checklist.applicationId = event.applicationId();
        checklist.companyBin = event.companyBin();
        checklist.serviceCode = event.serviceCode();
        checklist.catalogVersion = event.catalogVersion();
        checklist.asOf = asOf(event);
        checklist.profile = json(event.profile());
        checklist.status = ChecklistStatus.OPEN;
        checklist.round = 1;
        checklist.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        checklist.persist();
        loadItems(checklist, answer);
    }

    /** Fills the requirements from the catalog's answer; false when there was none (retried later). */
    boolean loadItems(Checklist checklist, Optional<CatalogChecklist> answer) {
        checklist.loadAttempts++;
        if (answer.isEmpty() || answer.get().items() == null) {
            return false;
        }
        CatalogChecklist catalogChecklist = answer.get();
        if (checklist.catalogVersion != null && catalogChecklist.catalogVersion() != null
                && !checklist.catalogVersion.equals(catalogChecklist.catalogVersion())) {
            LOG.warnf("application %s was submitted on catalog version %s but the catalog answered %s for %s",
                    checklist.applicationId, checklist.catalogVersion, catalogChecklist.catalogVersion(),
                    checklist.asOf);
        }
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (CatalogChecklist.Item item : catalogChecklist.items()) {
            if (item == null || item.documentCode() == null || !seen.add(item.documentCode())) {
                continue;
            }
            Requirement requirement = new Requirement();
            requirement.id = UUID.randomUUID();
            requirement.checklistId = checklist.id;
            requirement.position = position++;
            requirement.documentCode = item.documentCode();
            requirement.title = item.title() == null ? item.documentCode() : truncate(item.title(), 1000);
            requirement.mandatory = item.mandatory();
            requirement.delivery = delivery(item.delivery());
            requirement.notarised = item.notarised();
            requirement.legalised = item.legalised();
            requirement.persist();
        }
        if (catalogChecklist.catalogVersion() != null) {
            checklist.catalogVersion = catalogChecklist.catalogVersion();
        }
        checklist.itemsLoaded = true;
        Checklist.getEntityManager().flush();
        // nothing to upload at all (only originals at the visit): the documents are approved from the start
        review.approveIfComplete(checklist, "system");
        return true;
    }

    /** Fills a checklist the catalog could not deliver earlier, under its row lock, unless it was filled meanwhile. */
    @Transactional
    public void fillIfEmpty(UUID applicationId, Optional<CatalogChecklist> answer) {
        Checklist.lockByApplication(applicationId).ifPresent(c -> {
            if (!c.itemsLoaded) {
                loadItems(c, answer);
            }
        });
    }

    /** Withdrawal or a terminal status: the checklist becomes read-only and its retention period starts. */
    @Transactional
    public void onClosed(UUID applicationId, OffsetDateTime at, String reason) {
        Optional<Checklist> found = applicationId == null ? Optional.empty()
                : Checklist.lockByApplication(applicationId);
        if (found.isEmpty()) {
            LOG.debugf("closing event for unknown application %s ignored", applicationId);
            return;
        }
        Checklist checklist = found.get();
        if (checklist.closedAt != null) {
            return;
        }
        checklist.status = ChecklistStatus.CLOSED;
        checklist.closedAt = at != null ? at : OffsetDateTime.now(ZoneOffset.UTC);
        checklist.closedReason = reason;
    }

    /**
     * application.changes-requested at any stage. An approved checklist reopens for exactly the documents asked
     * for (by requirement id or document code; none named = any upload requirement), in a round the company's
     * first new upload starts; once the visit took place, approving them again will not open booking again.
     */
    @Transactional
    public void onApplicationChangesRequested(Events.ApplicationChangesRequested event) {
        Optional<Checklist> found = event.applicationId() == null ? Optional.empty()
                : Checklist.lockByApplication(event.applicationId());
        if (found.isEmpty() || !found.get().companyBin.equals(event.companyBin())) {
            LOG.debugf("application.changes-requested for unknown application %s ignored", event.applicationId());
            return;
        }
        Checklist checklist = found.get();
        if (checklist.status == ChecklistStatus.CLOSED) {
            return;
        }
        if (Boolean.TRUE.equals(event.originalsReceived())) {
            checklist.bookingNeeded = false;
        }
        if (checklist.status != ChecklistStatus.APPROVED) {
            return; // still open or already sent back: the company's uploads are accepted as they are
        }
        List<Requirement> requirements = Requirement.ofChecklist(checklist.id);
        Set<UUID> asked = new HashSet<>();
        for (Events.RequestedDocument d : event.documents() == null ? List.<Events.RequestedDocument>of()
                : event.documents()) {
            for (Requirement r : requirements) {
                if (r.delivery.needsUpload() && (r.id.toString().equals(d.requirementId())
                        || r.documentCode.equals(d.documentCode()))) {
                    asked.add(r.id);
                }
            }
        }
        checklist.status = ChecklistStatus.CHANGES_REQUESTED;
        checklist.requestedRequirements = asked.isEmpty() ? null
                : String.join(",", asked.stream().map(UUID::toString).sorted().toList());
        LOG.infof("checklist of %s reopened after approval (from %s) for %s", checklist.applicationId,
                event.fromState(), asked.isEmpty() ? "any document" : asked.size() + " document(s)");
    }

    Events.Profile profile(Checklist checklist) {
        try {
            return checklist.profile == null ? null : mapper.readValue(checklist.profile, Events.Profile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile of " + checklist.applicationId + " is unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Delivery delivery(String value) {
        if (value == null) {
            return Delivery.UPLOAD;
        }
        try {
            return Delivery.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.warnf("unknown delivery %s treated as UPLOAD", value);
            return Delivery.UPLOAD;
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static LocalDate today() {
        return LocalDate.now(OFFICE_ZONE);
    }
}
