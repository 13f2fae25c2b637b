package kz.aifc.expat.application.service;

import kz.aifc.expat.defaults.problem.ProblemException;

/**
 * ETag / If-Match (RFC 9110 §13.1.1): the ETag is the quoted entity version, a strong validator.
 *
 * <ul>
 *   <li>Replacing an application's or a person's data requires If-Match ({@link #required}): without it 428, so a
 *   partner system cannot overwrite a change it never saw.</li>
 *   <li>Actions (submit, claim, assign, consent, ...) accept a missing If-Match ({@link #ifMatch}): the state
 *   machine checks them against the current state anyway.</li>
 *   <li>Comparison is strong: a weak tag ({@code W/"3"}) never matches, an unquoted one is not a tag; {@code *}
 *   matches any current version (a deliberate "overwrite whatever is there").</li>
 * </ul>
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 428 without If-Match, else as {@link #ifMatch}. */
    public static void required(String header, long current) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match is required",
                    "Send If-Match with the ETag of the version you read (GET returns it), or * to overwrite "
                            + "whatever is current");
        }
        ifMatch(header, current);
    }

    /** A stale If-Match is a 412; none at all is accepted. */
    public static void ifMatch(String header, long current) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        String expected = etag(current);
        for (String candidate : header.split(",")) {
            if (candidate.trim().equals(expected)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "The resource has changed",
                "If-Match " + header + " does not match the current version " + expected
                        + " (weak tags never match); reload and retry")
                .with("currentETag", expected).header("ETag", expected);
    }
}
