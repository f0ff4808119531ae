import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intake benchmark driver (bench/README.md), run with the JDK's single-file source launcher and the
 * PostgreSQL driver on the class path (bench/run-intake.sh does that):
 * {@code java -cp postgresql.jar bench/IntakeBench.java --path smtp --senders 4 --messages 1000 …}.
 *
 * <p>Builds a fixed, seeded mix of corpus messages (../shared/corpus/email): real messages with headers,
 * reply-parser bodies wrapped in a plain customer mail, and bounces/auto-replies (sisimai), in the
 * proportions {@code --mix} says. Each send gets its own Message-ID and To: the support address, so none is
 * a duplicate or a refusal. Sends them with N concurrent senders — over SMTP (one connection per sender, one
 * transaction per message, like a relay) or to the MTA pipe ({@code POST /api/v1/mail/raw}) — after an
 * unmeasured warm-up batch, and measures from the first send of the measured batch:
 * <ul>
 *   <li>accepted/s: until the last 250 (SMTP) or answer (pipe) — the message is stored, the sender may go;</li>
 *   <li>processed/s: until every accepted message is PROCESSED, IGNORED or FAILED in inbound_mail (polled
 *       over JDBC every 50 ms) — tickets, messages, files, acknowledgements committed.</li>
 * </ul>
 * Prints one Markdown row per run and appends it to {@code --csv}; {@code --summarize file.csv} prints
 * median and range per path and sender count.
 */
public class IntakeBench {

    private static final Pattern RAW = Pattern.compile("\"raw\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:.*");

    record Corpus(List<byte[]> messages, List<byte[]> bodies, List<byte[]> machine) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        if (opt.containsKey("summarize")) {
            summarize(Path.of(opt.get("summarize")));
            return;
        }
        String path = opt.getOrDefault("path", "smtp");
        int senders = Integer.parseInt(opt.getOrDefault("senders", "1"));
        int messages = Integer.parseInt(opt.getOrDefault("messages", "1000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "200"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        String support = opt.getOrDefault("support", "support@tessera.localhost");
        Corpus corpus = load(Path.of(opt.getOrDefault("corpus", "../shared/corpus/email")));
        int[] mix = Arrays.stream(opt.getOrDefault("mix", "60,25,15").split(",")).mapToInt(Integer::parseInt).toArray();
        System.err.printf("corpus: %d messages, %d bodies, %d machine mails; mix %s%n", corpus.messages().size(),
                corpus.bodies().size(), corpus.machine().size(), Arrays.toString(mix));

        String run = Long.toString(System.currentTimeMillis(), 36);
        Random random = new Random(seed);
        List<byte[]> warm = mix(corpus, mix, random, warmup, run + "w", support);
        List<byte[]> measured = mix(corpus, mix, random, messages, run + "m", support);
        long bytes = measured.stream().mapToLong(m -> m.length).sum();

        Sender sender = path.equals("pipe")
                ? new Pipe(opt.getOrDefault("base", "http://127.0.0.1:18091"), opt.get("token"), support)
                : new Smtp(Integer.parseInt(opt.getOrDefault("smtp-port", "12526")), support);
        try (Connection db = DriverManager.getConnection(opt.get("jdbc"), opt.getOrDefault("db-user", "postgres"), "")) {
            Result w = send(sender, warm, senders);
            awaitFinal(db, run + "w", w.accepted(), System.nanoTime());
            System.err.printf("warm-up: %d accepted, done%n", w.accepted());

            long start = System.nanoTime();
            Result r = send(sender, measured, senders);
            long processed = awaitFinal(db, run + "m", r.accepted(), start);
            Map<String, Long> statuses = statuses(db, run + "m");
            double acceptSeconds = (r.lastAccepted() - start) / 1e9;
            double processSeconds = (processed - start) / 1e9;
            String row = String.format(Locale.ROOT, "%s,%d,%d,%d,%.2f,%.1f,%.1f,%.2f,%.2f,%s", path, senders, messages,
                    r.accepted(), bytes / 1e6, r.accepted() / acceptSeconds, r.accepted() / processSeconds,
                    acceptSeconds, processSeconds, statuses.toString().replace(",", ";"));
            System.out.printf(Locale.ROOT, "| %s | %d | %d (%d refused) | %.1f MB | %.1f | %.1f | %.1f s | %s |%n", path,
                    senders, r.accepted(), messages - r.accepted(), bytes / 1e6, r.accepted() / acceptSeconds,
                    r.accepted() / processSeconds, processSeconds, statuses);
            if (opt.containsKey("csv")) {
                Path csv = Path.of(opt.get("csv"));
                if (!Files.exists(csv)) {
                    Files.writeString(csv, "path,senders,messages,accepted,mb,accepted_per_s,processed_per_s,accept_s,process_s,statuses\n");
                }
                Files.writeString(csv, row + "\n", StandardOpenOption.APPEND);
            }
        }
    }

    // ---- the mix ---------------------------------------------------------------------------------------------

    static Corpus load(Path dir) throws IOException {
        String manifest = Files.readString(dir.resolve("cases.json"));
        Matcher m = RAW.matcher(manifest);
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            if (!paths.contains(m.group(1))) {
                paths.add(m.group(1));
            }
        }
        paths.sort(null); // a fixed order, so a seed means the same mix everywhere
        Corpus corpus = new Corpus(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String p : paths) {
            byte[] raw = Files.readAllBytes(dir.resolve(p));
            if (p.startsWith("sisimai/")) {
                corpus.machine().add(raw);
            } else if (isMessage(raw)) {
                corpus.messages().add(raw);
            } else {
                corpus.bodies().add(raw);
            }
        }
        return corpus;
    }

    /** A whole message: it starts with header lines and has a From: among them. */
    private static boolean isMessage(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", 200);
        boolean from = false;
        int start = lines.length > 0 && lines[0].startsWith("From ") ? 1 : 0;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                return from && i > start;
            }
            if (!HEADER_LINE.matcher(line).matches() && !line.startsWith(" ") && !line.startsWith("\t")) {
                return false;
            }
            from |= line.regionMatches(true, 0, "From:", 0, 5);
        }
        return false;
    }

    static List<byte[]> mix(Corpus corpus, int[] mix, Random random, int count, String run, String support) {
        List<byte[]> out = new ArrayList<>(count);
        int total = mix[0] + mix[1] + mix[2];
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(total);
            String id = "bench-" + run + "-" + i + "@bench.test";
            if (pick < mix[0]) {
                out.add(rewrite(corpus.messages().get(random.nextInt(corpus.messages().size())), id, support));
            } else if (pick < mix[0] + mix[1]) {
                out.add(wrap(corpus.bodies().get(random.nextInt(corpus.bodies().size())), id, support,
                        "customer" + random.nextInt(500) + "@bench.test", i));
            } else {
                out.add(rewrite(corpus.machine().get(random.nextInt(corpus.machine().size())), id, support));
            }
        }
        return out;
    }

    /** The message with its own Message-ID and To: the support address (mbox "From " line dropped). */
    static byte[] rewrite(byte[] raw, String id, String support) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (text.startsWith("From ")) {
            text = text.substring(text.indexOf('\n') + 1);
        }
        int end = text.indexOf("\r\n\r\n");
        int endLf = text.indexOf("\n\n");
        int split = end >= 0 && (endLf < 0 || end < endLf) ? end : endLf;
        String headers = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split);
        StringBuilder kept = new StringBuilder();
        boolean dropping = false;
        for (String line : headers.split("\r?\n")) {
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            if (!continuation) {
                String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
                dropping = name.equals("message-id") || name.equals("to");
            }
            if (!dropping) {
                kept.append(line).append("\r\n");
            }
        }
        String out = "Message-ID: <" + id + ">\r\nTo: " + support + "\r\n" + kept.toString().stripTrailing() + body;
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A reply-parser fixture (a body only) as the plain mail a customer would send. */
    static byte[] wrap(byte[] body, String id, String support, String from, int n) {
        String head = "From: " + from + "\r\nTo: " + support + "\r\nSubject: Question " + n + "\r\nMessage-ID: <" + id
                + ">\r\nDate: Wed, 02 Dec 2026 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    record Result(int accepted, long lastAccepted) {
    }

    interface Sender {
        /** One sender thread's session; send returns true when the message is accepted. */
        Session open() throws IOException;
    }

    interface Session extends AutoCloseable {
        boolean send(byte[] message) throws IOException;

        @Override
        void close();
    }

    static Result send(Sender sender, List<byte[]> mails, int threads) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong last = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Session session = null;
                for (int i; (i = next.getAndIncrement()) < mails.size(); ) {
                    try {
                        if (session == null) {
                            session = sender.open();
                        }
                        if (session.send(mails.get(i))) {
                            accepted.incrementAndGet();
                            last.accumulateAndGet(System.nanoTime(), Math::max);
                        }
                    } catch (IOException e) {
                        System.err.println("send failed: " + e.getMessage());
                        if (session != null) {
                            session.close();
                        }
                        session = null;
                    }
                }
                if (session != null) {
                    session.close();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(accepted.get(), last.get());
    }

    /** SMTP like a relay: one connection per sender, MAIL/RCPT/DATA per message. */
    record Smtp(int port, String support) implements Sender {
        @Override
        public Session open() throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, "EHLO bench.relay.test");
            expect(in, 250);
            return new Session() {
                @Override
                public boolean send(byte[] message) throws IOException {
                    command(out, "MAIL FROM:<relay@bench.test>");
                    expect(in, 250);
                    command(out, "RCPT TO:<" + support + ">");
                    expect(in, 250);
                    command(out, "DATA");
                    expect(in, 354);
                    // Data and the final dot in one write: as two, Nagle's algorithm holds the dot back until
                    // the server's delayed ACK (40 ms on Linux), and the benchmark measures that instead.
                    out.write(withFinalDot(dotStuffed(message)));
                    out.flush();
                    int code = reply(in);
                    if (code != 250) {
                        System.err.println("refused: " + code);
                    }
                    return code == 250;
                }

                @Override
                public void close() {
                    try {
                        command(out, "QUIT");
                        socket.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            };
        }
    }

    /** The MTA pipe: POST /api/v1/mail/raw, answered once the message is stored and processed. */
    record Pipe(String base, String token, String support) implements Sender {
        @Override
        public Session open() {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create(base + "/api/v1/mail/raw?recipient=" + support);
            return new Session() {
                @Override
                public boolean send(byte[] message) throws IOException {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(message)).build();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 201 && status != 202) {
                            System.err.println("pipe answered " + status);
                        }
                        return status == 201 || status == 202;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    // ---- measuring -----------------------------------------------------------------------------------------

    /** Polls until every accepted message of this batch left RECEIVED; returns that moment. */
    static long awaitFinal(Connection db, String run, int accepted, long start) throws Exception {
        String like = "bench-" + run + "-%";
        while (true) {
            try (var statement = db.prepareStatement("select count(*) from inbound_mail where mail_message_id like ? "
                    + "and status <> 'RECEIVED'")) {
                statement.setString(1, like);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= accepted) {
                        return System.nanoTime();
                    }
                }
            }
            if (System.nanoTime() - start > 900e9) {
                throw new IllegalStateException("not processed within 15 minutes");
            }
            Thread.sleep(50);
        }
    }

    static Map<String, Long> statuses(Connection db, String run) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (var statement = db.prepareStatement("select status, coalesce(classification, '-'), count(*) from inbound_mail "
                + "where mail_message_id like ? group by status, classification")) {
            statement.setString(1, "bench-" + run + "-%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return counts;
    }

    /** Median and range of accepted/s and processed/s per path and sender count. */
    static void summarize(Path csv) throws IOException {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            groups.computeIfAbsent(f[0] + " | " + f[1], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        System.out.println("| path | senders | runs | accepted msg/s, median (range) | processed msg/s, median (range) |");
        System.out.println("|---|---:|---:|---|---|");
        groups.forEach((key, runs) -> System.out.printf(Locale.ROOT, "| %s | %d | %s | %s |%n", key, runs.size(),
                stat(runs, 0), stat(runs, 1)));
    }

    private static String stat(List<double[]> runs, int column) {
        double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return String.format(Locale.ROOT, "**%.1f** (%.1f–%.1f)", median, values[0], values[n - 1]);
    }

    // ---- SMTP plumbing ---------------------------------------------------------------------------------------

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(InputStream in, int code) throws IOException {
        int got = reply(in);
        if (got != code) {
            throw new IOException("expected " + code + ", got " + got);
        }
    }

    private static int reply(InputStream in) throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b == -1) {
                throw new IOException("connection closed");
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            if (text.length() < 3) {
                throw new IOException("malformed reply: " + text);
            }
            if (text.length() == 3 || text.charAt(3) != '-') {
                return Integer.parseInt(text.substring(0, 3));
            }
        }
    }

    private static byte[] dotStuffed(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        text = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] withFinalDot(byte[] data) {
        byte[] out = Arrays.copyOf(data, data.length + 3);
        out[data.length] = '.';
        out[data.length + 1] = '\r';
        out[data.length + 2] = '\n';
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                opt.put(key, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
            }
        }
        return opt;
    }
}
