import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark driver (bench/README.md), run with the JDK's single-file source launcher:
 * {@code java bench/Bench.java --base http://127.0.0.1:18090 --password … --urls bench/urls.txt --samples dir}.
 *
 * <p>Signs in each agent named in the URL list through the login form (with its CSRF token), like a browser,
 * then requests every URL sequentially: {@code --warmup} untimed requests, then {@code --requests} timed ones,
 * measuring from sending the request to having read the whole body, and prints the median, p90 and p99 per
 * URL and round as a Markdown table. Any answer but 200 stops the run: a benchmark of error pages is worthless.
 *
 * <p>URL list lines: {@code <agent email> <name> <path> [follow=N]}. {@code {sample}} in a path is replaced by
 * the next line of {@code <samples>/sample.txt} on every request (e.g. a different ticket each time);
 * {@code follow=N} first follows the page's "Next" link N times and then measures the page it arrived at (a
 * deep page of a keyset-paginated list, reached the way an agent would).
 */
public class Bench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");

    record Entry(String user, String name, String path, int follow) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String base = opt.getOrDefault("base", "http://127.0.0.1:18090");
        String password = opt.get("password");
        int requests = Integer.parseInt(opt.getOrDefault("requests", "100"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "30"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "2"));
        Pattern next = Pattern.compile(opt.getOrDefault("next-regex",
                "<a\\b[^>]*href=\"([^\"]+)\"[^>]*>(?:\\s|<[^>]+>)*Next"), Pattern.CASE_INSENSITIVE);
        Path samplesDir = Path.of(opt.getOrDefault("samples", "."));
        List<Entry> entries = entries(Path.of(opt.get("urls")));

        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (!sessions.containsKey(entry.user())) {
                sessions.put(entry.user(), signIn(base, entry.user(), password));
            }
        }
        Samples samples = new Samples(samplesDir);

        // Resolve deep pages once, by following the links as an agent would.
        Map<Entry, String> resolved = new HashMap<>();
        for (Entry entry : entries) {
            String path = entry.path();
            for (int i = 0; i < entry.follow(); i++) {
                String html = get(sessions.get(entry.user()), base + samples.fill(path)).body();
                Matcher m = next.matcher(html);
                if (!m.find()) {
                    throw new IllegalStateException(entry.name() + ": no Next link on page " + (i + 1) + " (" + path + ")");
                }
                path = m.group(1).replace("&amp;", "&");
            }
            resolved.put(entry, path);
        }

        PrintWriter csv = opt.containsKey("csv") ? new PrintWriter(Files.newBufferedWriter(Path.of(opt.get("csv")))) : null;
        if (csv != null) {
            csv.println("round,agent,name,request,millis,bytes");
        }
        System.out.printf("%d warm-up + %d timed requests per URL, sequential, %d rounds; times in ms%n%n", warmup,
                requests, rounds);
        System.out.println("| round | agent | URL | median | p90 | p99 | min | max | KB |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
        for (int round = 1; round <= rounds; round++) {
            for (Entry entry : entries) {
                HttpClient client = sessions.get(entry.user());
                String path = resolved.get(entry);
                for (int i = 0; i < warmup; i++) {
                    get(client, base + samples.fill(path));
                }
                double[] millis = new double[requests];
                long bytes = 0;
                for (int i = 0; i < requests; i++) {
                    String url = base + samples.fill(path);
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(client, url);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    bytes += response.body().length();
                    if (csv != null) {
                        csv.printf(Locale.ROOT, "%d,%s,%s,%d,%.3f,%d%n", round, entry.user(), entry.name(), i, millis[i],
                                response.body().length());
                    }
                }
                Arrays.sort(millis);
                System.out.printf(Locale.ROOT, "| %d | %s | %s%s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", round,
                        entry.user(), entry.name(), entry.follow() > 0 ? " (page " + (entry.follow() + 1) + ")" : "",
                        rank(millis, 0.50), rank(millis, 0.90), rank(millis, 0.99), millis[0], millis[millis.length - 1],
                        bytes / (double) requests / 1024);
            }
        }
        if (csv != null) {
            csv.close();
        }
    }

    /** Nearest-rank percentile of sorted values (p99 of 100 values is the 99th). */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static HttpClient signIn(String base, String email, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + login.statusCode() + " " + location);
        }
        return client;
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    static List<Entry> entries(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            int follow = parts.length > 3 && parts[3].startsWith("follow=") ? Integer.parseInt(parts[3].substring(7)) : 0;
            entries.add(new Entry(parts[0], parts[1], parts[2], follow));
        }
        return entries;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Sample values for placeholders, each list used in turn. */
    static final class Samples {
        private final Path dir;
        private final Map<String, List<String>> lists = new HashMap<>();
        private final Map<String, Integer> positions = new HashMap<>();

        Samples(Path dir) {
            this.dir = dir;
        }

        String fill(String path) throws IOException {
            Matcher m = PLACEHOLDER.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                if (!lists.containsKey(name)) {
                    List<String> values = Files.readAllLines(dir.resolve(name + ".txt")).stream()
                            .filter(s -> !s.isBlank()).toList();
                    if (values.isEmpty()) {
                        throw new IllegalStateException("no samples in " + dir.resolve(name + ".txt"));
                    }
                    lists.put(name, values);
                }
                List<String> values = lists.get(name);
                int position = positions.merge(name, 1, Integer::sum) - 1;
                m.appendReplacement(sb, Matcher.quoteReplacement(values.get(position % values.size()).strip()));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
