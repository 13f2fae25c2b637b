package kz.aifc.expat.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Seeds version 1 (the 2026 guide, {@code catalog/2026-01-01.json}) when no version exists. The insert is
 * {@code ON CONFLICT DO NOTHING}, so two replicas starting together cannot both seed.
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    public static final String SEED = "catalog/2026-01-01.json";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    ContentReader reader;

    public void seedIfEmpty() {
        QuarkusTransaction.requiringNew().run(() -> {
            Number count = (Number) em.createNativeQuery("SELECT count(*) FROM catalog_version").getSingleResult();
            if (count.longValue() > 0) {
                correctSeed();
                return;
            }
            CatalogContent content = reader.readValid(readSeed());
            int inserted = em.createNativeQuery("INSERT INTO catalog_version (version, effective_from, published_at,"
                            + " published_by, content) VALUES (1, :from, :at, 'seed', CAST(:content AS jsonb))"
                            + " ON CONFLICT DO NOTHING")
                    .setParameter("from", content.guide().effectiveFrom())
                    .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("content", reader.write(content))
                    .executeUpdate();
            LOG.infof("catalogue seed %s: %s", SEED, inserted == 1 ? "inserted as version 1" : "already present");
        });
    }

    /**
     * Version 1 is our transcription of the guide, not an admin's publication: a corrected transcription (e.g. a
     * guide slip no longer copied as a fact) must reach systems seeded by an older build. While version 1 is still
     * the seed's ({@code published_by = 'seed'}) and differs from the packaged seed, it is rewritten in place; a
     * version an admin published is never touched. Two replicas doing this together write the same content.
     */
    void correctSeed() {
        Object stored = em.createNativeQuery("SELECT CAST(content AS text) FROM catalog_version WHERE version = 1"
                + " AND published_by = 'seed'").getResultStream().findFirst().orElse(null);
        if (stored == null) {
            return;
        }
        CatalogContent seed = reader.readValid(readSeed());
        CatalogContent current;
        try {
            current = reader.parseStored(String.valueOf(stored));
        } catch (RuntimeException e) {
            current = null;
        }
        if (seed.equals(current)) {
            return;
        }
        em.createNativeQuery("UPDATE catalog_version SET content = CAST(:content AS jsonb) WHERE version = 1"
                        + " AND published_by = 'seed'")
                .setParameter("content", reader.write(seed)).executeUpdate();
        LOG.infof("catalogue seed %s: version 1 corrected from the packaged transcription", SEED);
    }

    public JsonNode readSeed() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SEED);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable resource " + SEED, e);
        }
    }
}
