package kz.aifc.expat.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.catalog.service.CatalogSeeder;
import kz.aifc.expat.catalog.service.CatalogStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A system seeded by an older build (its version 1 still says "in 2025") gets the corrected transcription at the
 * next start; the seed is what is rewritten, never a version an admin published.
 */
@QuarkusTest
class SeedCorrectionTest {

    static final String OLD_TITLE = "Original certificate confirming fingerprinting / verification in 2025";

    @Inject
    CatalogSeeder seeder;

    @Inject
    CatalogStore store;

    @Inject
    EntityManager em;

    String storedVersion1() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT CAST(content AS text) FROM catalog_version WHERE version = 1").getSingleResult()));
    }

    /** Puts version 1 back to what the older build seeded (the guide's literal "in 2025"). */
    void seedAsTheOlderBuildDid() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE catalog_version SET content = CAST(replace(CAST(content AS text), "
                        + "'fingerprinting / verification in the current year', "
                        + "'fingerprinting / verification in 2025') AS jsonb) WHERE version = 1").executeUpdate());
    }

    @Test
    void anOlderSeedIsCorrectedAtStartAndTheReadsFollow() {
        seedAsTheOlderBuildDid();
        assertTrue(storedVersion1().contains(OLD_TITLE));
        seeder.seedIfEmpty(); // what every start runs
        store.reload();
        assertFalse(storedVersion1().contains(OLD_TITLE));
        Api.en().get("/api/v1/services/investor-visa-issuance/checklist").then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem(
                        "Original certificate confirming fingerprinting / verification in the current year"));
    }

    @Test
    void aVersionAnAdminPublishedIsNeverRewritten() {
        seedAsTheOlderBuildDid();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE catalog_version SET published_by = 'admin' WHERE version = 1").executeUpdate());
        try {
            seeder.seedIfEmpty();
            assertTrue(storedVersion1().contains(OLD_TITLE), "an admin's version 1 stays as published");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE catalog_version SET published_by = 'seed' WHERE version = 1").executeUpdate());
            seeder.seedIfEmpty();
            store.reload();
        }
        assertEquals(false, storedVersion1().contains(OLD_TITLE));
    }
}
