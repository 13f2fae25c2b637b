package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Receiver;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An independent implementation of the receiving side: the Standard Webhooks reference library (npm
 * {@code standardwebhooks}, version pinned in src/test/node/package.json + package-lock.json), run with node.
 * {@code npm ci} installs it on first use.
 */
public final class StandardWebhooks {

    private static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Check(String secret, Map<String, String> headers, String body) {
    }

    public record Result(boolean ok, String error) {
    }

    private StandardWebhooks() {
    }

    public static synchronized List<Result> verify(List<Check> checks) {
        try {
            install();
            List<Map<String, Object>> input = new ArrayList<>();
            for (Check c : checks) {
                input.add(Map.of("secret", c.secret(), "headers", c.headers(), "body", c.body()));
            }
            Process p = new ProcessBuilder("node", "verify.js").directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().write(JSON.writeValueAsBytes(input));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("node verify.js failed: " + out);
            }
            List<Result> results = new ArrayList<>();
            for (var node : JSON.readTree(out)) {
                results.add(new Result(node.get("ok").asBoolean(), node.has("error") ? node.get("error").asText()
                        : null));
            }
            return results;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (required for the signature tests)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static boolean valid(String secret, Receiver.Request r) {
        return verify(List.of(new Check(secret, Receiver.headers(r), r.body()))).get(0).ok();
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectOutput(new File(DIR.toFile(), "npm-ci.log")).redirectErrorStream(true).start();
        if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + DIR + " failed: see npm-ci.log there");
        }
    }
}
