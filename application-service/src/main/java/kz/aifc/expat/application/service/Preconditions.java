package kz.aifc.expat.application.service;

import kz.aifc.expat.defaults.problem.ProblemException;

/** ETag / If-Match: the ETag is the quoted entity version. */
public final class Preconditions {

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * A stale {@code If-Match} is a 412. Absent If-Match is accepted (browser UIs); partner systems are expected to
     * send it. {@code *} matches any version.
     */
    public static void ifMatch(String header, long current) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (tag.equals(Long.toString(current))) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "The resource has changed",
                "If-Match " + header + " does not match the current version; reload and retry")
                .with("currentETag", etag(current)).header("ETag", etag(current));
    }
}
