package kz.aifc.expat.application.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A foreign national a company applies for, with the visa or permit they currently hold (if any). */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "company_bin", nullable = false)
    public String companyBin;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false)
    public String citizenship;

    @Column(name = "passport_number", nullable = false)
    public String passportNumber;

    @Column(name = "passport_issued")
    public LocalDate passportIssued;

    @Column(name = "passport_expires", nullable = false)
    public LocalDate passportExpires;

    public String iin;

    /** VISA, TEMPORARY_RESIDENCE or PERMANENT_RESIDENCE. */
    @Column(name = "visa_type")
    public String visaType;

    @Column(name = "visa_category")
    public String visaCategory;

    @Column(name = "visa_number")
    public String visaNumber;

    @Column(name = "visa_expires")
    public LocalDate visaExpires;

    /** BIN of the host company the current visa/permit was issued for. */
    @Column(name = "visa_host_bin")
    public String visaHostBin;

    /** The service of the centre that issued the current visa/permit (set from a completed case's outcome). */
    @Column(name = "visa_service_code")
    public String visaServiceCode;

    /** The person's own address; notification-service writes to it only while {@link #contactConsent} holds. */
    public String email;

    /** kk, ru or en: the language of the person's messages (null: notification-service's default). */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "contact_consent", nullable = false)
    public boolean contactConsent;

    /** When the consent was given (kept while it holds, cleared when it is withdrawn). */
    @Column(name = "contact_consent_at")
    public OffsetDateTime contactConsentAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
