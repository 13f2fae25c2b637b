package kz.aifc.expat.scheduling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.defaults.problem.ProblemException;
import kz.aifc.expat.scheduling.config.SchedulingConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Tokens of the one-click attendance link: {@code <appointmentId>.<expiry epoch seconds>.<token id>.<signature>},
 * the signature an HMAC-SHA256 (key {@code scheduling.link.key}) over the first three parts. The signature makes the
 * token unforgeable and its expiry untouchable; single use is the appointment's business ({@code link_token_id},
 * {@code link_used_at}), so the token itself carries no state.
 */
@ApplicationScoped
public class AttendanceLinks {

    public static final String PATH = "/api/v1/appointments/confirm-attendance";
    /** Two UUIDs, a number and a 43-character signature are far below this; anything longer is not ours. */
    private static final int MAX_LENGTH = 200;
    private static final String PURPOSE = "attendance-link.v1|";

    public record Claims(UUID appointmentId, Instant expires, UUID tokenId) {
    }

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    public String token(Claims claims) {
        String body = claims.appointmentId() + "." + claims.expires().getEpochSecond() + "." + claims.tokenId();
        return body + "." + signature(body);
    }

    public String url(String token) {
        String base = config.link().baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + "?token=" + token;
    }

    /** The claims of a genuine, unexpired token; else 400 {@code invalid-token} or 410 {@code link-expired}. */
    public Claims verify(String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.badRequest("token", "is required");
        }
        String[] parts = token.length() > MAX_LENGTH ? new String[0] : token.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        // compared as text, not decoded: another spelling of the same bytes is an altered token too; constant time
        if (!MessageDigest.isEqual(signature(body).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.UTF_8))) {
            throw invalid();
        }
        Claims claims;
        try {
            claims = new Claims(UUID.fromString(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw invalid(); // signed by us, so never expected; still a 4xx
        }
        if (!clock.instant().isBefore(claims.expires())) {
            throw new ProblemException(410, "link-expired", "The confirmation link has expired",
                    "Attendance could be confirmed through this link until " + claims.expires()
                            + "; the confirmation deadline has passed");
        }
        return claims;
    }

    private static ProblemException invalid() {
        return new ProblemException(400, "invalid-token", "Invalid confirmation link",
                "The link is incomplete or was altered; open the link from the reminder e-mail as it is");
    }

    private String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.link().key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((PURPOSE + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
