package io.tessera.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tessera as a separate operating-system process, started from the packaged {@code target/tessera.jar}
 * and killed with SIGKILL ({@link #kill()}), for tests about what survives a crash.
 *
 * <p>Why the jar and not {@code java -cp} with the test's classpath: the jar is what ships (Boot's launcher,
 * the packaged migrations and resources), and the test classpath would hand the server test-only classes
 * and libraries (GreenMail's mail implementation, test resources) it never has in production. Maven builds
 * the jar in {@code package}, before Failsafe's {@code integration-test}, so under {@code ./mvnw verify} it
 * is always current; run from an IDE, a missing or stale jar is refused rather than silently tested. It is
 * started from its extracted form with a class data sharing archive ({@link ClassDataSharing}): the same
 * code, in half the start-up time.
 *
 * <p>A child process must never outlive the test: {@link #close()} kills it, and a shutdown hook does the
 * same when the test JVM itself ends early (a timeout, Ctrl-C, a failing assertion outside try/finally).
 */
public final class TesseraProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "tessera.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /**
     * C1 only and a small heap: tests start the server several times on two cores, where C2's compile work
     * would only compete with the start-up itself.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");

    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path logDirectory;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread reaper = new Thread(this::killQuietly, "tessera-process-reaper");
    private Process process;
    private int starts;

    /**
     * @param environment  variables for the server (database, ports, admin); the rest is inherited
     * @param arguments    Spring Boot command-line properties ({@code --name=value})
     * @param logDirectory where each start's output goes ({@code start-1.log}, …), kept for failures
     */
    public TesseraProcess(Map<String, String> environment, List<String> arguments, Path logDirectory) {
        this.environment = new LinkedHashMap<>(environment);
        this.arguments = List.copyOf(arguments);
        this.logDirectory = logDirectory;
        this.httpPort = Integer.parseInt(environment.get("SERVER_PORT"));
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts the server and returns once {@code /actuator/health} answers UP. */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Tessera is already running (pid " + process.pid() + ")");
        }
        starts++;
        Path log = logDirectory.resolve("start-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(ClassDataSharing.launch(jar(), javaExecutable(), JVM_OPTIONS));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(log);
        System.out.printf("Tessera start %d (pid %d) healthy after %.1f s%n", starts, process.pid(),
                (System.nanoTime() - started) / 1e9);
    }

    /** SIGKILL: no shutdown hooks, no connection pool closing, no flushing — what a crash or the OOM killer does. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Tessera (pid " + process.pid() + ") did not die after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.printf("Tessera pid %d killed (exit %d)%n", process.pid(), process.exitValue());
    }

    /** SIGTERM and wait: a graceful stop, so an embedded database closes its files. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public int starts() {
        return starts;
    }

    @Override
    public void close() {
        killQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it kills the process anyway.
        }
    }

    private void killQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tessera exited with " + process.exitValue() + " during start " + starts
                        + "; its output:\n" + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        killQuietly();
        throw new IllegalStateException("Tessera was not healthy within " + START_TIMEOUT.toSeconds() + " s; its output:\n" + tail(log));
    }

    private static Path jar() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: build it with ./mvnw package -DskipTests "
                    + "(./mvnw verify does that before the integration tests)");
        }
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            long jarTime = Files.getLastModifiedTime(JAR).toMillis();
            if (classes.anyMatch(file -> modified(file) > jarTime + 1000)) {
                throw new IllegalStateException(JAR.toAbsolutePath() + " is older than target/classes: rebuild it with "
                        + "./mvnw package -DskipTests, or this test would test old code");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JAR.toAbsolutePath();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** A TCP port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
