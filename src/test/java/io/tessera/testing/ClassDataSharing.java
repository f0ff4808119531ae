package io.tessera.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged jar faster, for tests that start it many times: Spring Boot's documented CDS layout
 * ({@code java -Djarmode=tools -jar tessera.jar extract}, then one training run that ends after the context
 * refresh and dumps the classes it loaded into an archive). On this 2-core machine that halves a start,
 * ~16 s to ~9 s under load, which is most of the crash test's time. The extracted jar is the same code and
 * resources as {@code target/tessera.jar}, only not nested; both are kept in {@code target/mail-crash/app},
 * made once per build of the jar and shared by the H2 and the PostgreSQL run.
 *
 * <p>If extracting or training fails (another JDK, no disk), the tests fall back to {@code -jar
 * target/tessera.jar}: slower, never wrong. {@code -Dtessera.test.cds=false} turns it off.
 */
final class ClassDataSharing {

    private static final Path HOME = Path.of("target", "mail-crash", "app");
    private static final Path LOGS = Path.of("target", "mail-crash");
    /** Set after a failure, so that the next start does not try (and wait) again. */
    private static boolean unavailable;

    private ClassDataSharing() {
    }

    /** The JVM arguments that run the jar: {@code -XX:SharedArchiveFile=… -jar <extracted>}, or {@code -jar <jar>}. */
    static synchronized List<String> launch(Path jar, String java, List<String> jvmOptions) {
        if (unavailable || !Boolean.parseBoolean(System.getProperty("tessera.test.cds", "true"))) {
            return List.of("-jar", jar.toString());
        }
        Path extracted = HOME.resolve("tessera.jar").toAbsolutePath();
        Path archive = HOME.resolve("tessera.jsa").toAbsolutePath();
        try {
            String stamp = Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar);
            Path marker = HOME.resolve("built-from");
            if (!Files.exists(marker) || !Files.readString(marker).equals(stamp) || !Files.exists(archive)) {
                prepare(jar, java, jvmOptions, extracted, archive);
                Files.writeString(marker, stamp);
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", extracted.toString());
        } catch (IOException | RuntimeException e) {
            unavailable = true;
            System.out.println("No class data sharing archive (" + e.getMessage() + "): starting " + jar + " as it is");
            return List.of("-jar", jar.toString());
        }
    }

    private static void prepare(Path jar, String java, List<String> jvmOptions, Path extracted, Path archive) throws IOException {
        long started = System.nanoTime();
        deleteRecursively(HOME);
        Files.createDirectories(LOGS); // the extract tool wants HOME itself absent or empty
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                HOME.toAbsolutePath().toString()), null);
        // The training run: a throwaway H2 database, no ports, and it exits once the context is refreshed.
        Path data = Files.createTempDirectory("tessera-cds");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
        run(command, data);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run wrote no archive");
        }
        deleteRecursively(data);
        System.out.printf("Class data sharing archive for %s made in %.1f s%n", jar, (System.nanoTime() - started) / 1e9);
    }

    private static void run(List<String> command, Path dataDirectory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(dataDirectory == null ? "cds-extract.log" : "cds-training.log").toFile());
        if (dataDirectory != null) {
            builder.environment().putAll(Map.of("TESSERA_DATA_DIR", dataDirectory.toString(), "SERVER_PORT", "0",
                    "TESSERA_SMTP_RECEIVER_PORT", "0", "TESSERA_DEMO", "false"));
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(command.size() - 1) + " did not finish in 180 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
