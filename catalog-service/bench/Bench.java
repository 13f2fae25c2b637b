import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop HTTP load generator (JDK only): run with {@code java bench/Bench.java [baseUrl] [threads] [seconds]
 * [rounds]}. For each pair (catalog endpoint, bare baseline of the same size) it alternates rounds A/B/A/B..., takes
 * the median throughput of each and prints the ratio catalog/bare.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18081";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String[][] pairs = {
                {"GET /api/v1/services", base + "/api/v1/services", base + "/bench/bare/list"},
                {"GET /api/v1/services/work-visa-issuance", base + "/api/v1/services/work-visa-issuance",
                        base + "/bench/bare/service"},
        };
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("threads=%d, %ds per round, %d rounds per endpoint, cpus=%d%n", threads, seconds, rounds,
                Runtime.getRuntime().availableProcessors());
        for (int w = 0; w < 3; w++) {         // warm-up (JIT of client and server) of all four endpoints
            for (String[] pair : pairs) {
                run(client, pair[1], threads, Math.max(5, seconds));
                run(client, pair[2], threads, Math.max(5, seconds));
            }
        }
        for (String[] pair : pairs) {
            double[] a = new double[rounds];
            double[] b = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {   // A B, then B A: cancels drift of a shared machine
                if (r % 2 == 0) {
                    a[r] = run(client, pair[1], threads, seconds);
                    b[r] = run(client, pair[2], threads, seconds);
                } else {
                    b[r] = run(client, pair[2], threads, seconds);
                    a[r] = run(client, pair[1], threads, seconds);
                }
                ratio[r] = a[r] / b[r];
            }
            System.out.printf("%-45s catalog %8.0f req/s | bare %8.0f req/s | ratio (median of paired rounds) %.2f"
                            + "   (rounds catalog %s, bare %s)%n",
                    pair[0], median(a), median(b), median(ratio), Arrays.toString(round(a)),
                    Arrays.toString(round(b)));
        }
    }

    static double run(HttpClient client, String url, int threads, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "ru")
                .timeout(Duration.ofSeconds(10)).GET().build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (!stop.get()) {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200 && response.body().length > 0) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new long[]{ok, failed};
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long ok = 0;
        long failed = 0;
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            ok += r[0];
            failed += r[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failed > 0) {
            throw new IllegalStateException(failed + " failed requests on " + url);
        }
        return ok / elapsed;
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy.length % 2 == 1 ? copy[copy.length / 2] : (copy[copy.length / 2 - 1] + copy[copy.length / 2]) / 2;
    }

    static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
