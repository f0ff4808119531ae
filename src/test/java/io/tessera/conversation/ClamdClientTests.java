package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The clamd protocol client against a tiny server in the test that reads {@code zINSTREAM} the way clamd
 * does (4-byte big-endian lengths, a zero-length end) and answers what each test tells it to. The real
 * clamd is exercised by {@code VirusScanIntegrationTests}.
 */
class ClamdClientTests {

    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsTheFileInLengthPrefixedChunksEndedByAnEmptyOne() throws Exception {
        byte[] file = new byte[200_000];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        CompletableFuture<byte[]> received = serve(bytes -> "stream: OK");

        ClamdClient.Verdict verdict = client().scan(new ByteArrayInputStream(file));

        assertThat(verdict).isEqualTo(new ClamdClient.Clean());
        assertThat(received.get()).isEqualTo(file);
    }

    @Test
    void aFoundSignatureIsNamed() throws Exception {
        serve(bytes -> "stream: Win.Test.EICAR_HDB-1 FOUND");

        assertThat(client().scan(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(new ClamdClient.Infected("Win.Test.EICAR_HDB-1"));
    }

    @Test
    void anEmptyFileIsScannedToo() throws Exception {
        CompletableFuture<byte[]> received = serve(bytes -> "stream: OK");

        assertThat(client().scan(new ByteArrayInputStream(new byte[0]))).isEqualTo(new ClamdClient.Clean());
        assertThat(received.get()).isEmpty();
    }

    @Test
    void anErrorAnswerIsAFailureThatQuotesClamd() throws Exception {
        serve(bytes -> "INSTREAM size limit exceeded. ERROR");

        assertThatThrownBy(() -> client().scan(new ByteArrayInputStream(new byte[10])))
                .isInstanceOf(ClamdClient.ScanFailed.class)
                .hasMessageContaining("INSTREAM size limit exceeded");
    }

    @Test
    void clamdClosingEarlyOverItsSizeLimitIsAFailureThatQuotesIt() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        // As clamd over StreamMaxLength: it stops reading, answers, and closes while the client still writes.
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                in.readNBytes("zINSTREAM\0".length());
                in.readNBytes(in.readInt());
                socket.getOutputStream().write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException ignored) {
                // the client's problem
            }
        });

        assertThatThrownBy(() -> client().scan(new ByteArrayInputStream(new byte[20_000_000])))
                .isInstanceOf(ClamdClient.ScanFailed.class)
                .hasMessageContaining("INSTREAM size limit exceeded");
    }

    @Test
    void nothingListeningIsAFailure() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        assertThatThrownBy(() -> new ClamdClient("127.0.0.1", port, Duration.ofSeconds(2)).scan(new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(ClamdClient.ScanFailed.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(new ClamdClient("127.0.0.1", port, Duration.ofSeconds(2)).ping()).isFalse();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                socket.getInputStream().readAllBytes();
            } catch (IOException ignored) {
                // the client gave up
            }
        });
        ClamdClient impatient = new ClamdClient("127.0.0.1", server.getLocalPort(), Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.scan(new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(ClamdClient.ScanFailed.class)
                .hasMessageContaining("did not answer in time");
    }

    @Test
    void answersThatAreNoVerdictAreFailures() {
        ClamdClient client = new ClamdClient("127.0.0.1", 3310, Duration.ofSeconds(1));

        assertThatThrownBy(() -> client.verdict("")).isInstanceOf(ClamdClient.ScanFailed.class).hasMessageContaining("nothing");
        assertThatThrownBy(() -> client.verdict("stream:  FOUND")).isInstanceOf(ClamdClient.ScanFailed.class);
        assertThatThrownBy(() -> client.verdict("UNKNOWN COMMAND")).isInstanceOf(ClamdClient.ScanFailed.class);
    }

    @Test
    void addressesAreHostAndPort() {
        assertThat(ClamdClient.of(" 127.0.0.1:3310 ", Duration.ofSeconds(1)).address()).isEqualTo("127.0.0.1:3310");
        assertThat(ClamdClient.of("[::1]:3310", Duration.ofSeconds(1)).address()).isEqualTo("::1:3310");
        assertThat(ClamdClient.of("clamav.internal:3310", Duration.ofSeconds(1)).address()).isEqualTo("clamav.internal:3310");
        for (String wrong : new String[] {"127.0.0.1", "127.0.0.1:", ":3310", "host:0", "host:70000", "host:port"}) {
            assertThatThrownBy(() -> ClamdClient.of(wrong, Duration.ofSeconds(1))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        }
    }

    /** Accepts one connection, reads an INSTREAM command as clamd does, answers, and hands back the bytes. */
    private CompletableFuture<byte[]> serve(Function<byte[], String> answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] command = new byte["zINSTREAM\0".length()];
                in.readFully(command);
                assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                int length;
                while ((length = in.readInt()) > 0) {
                    file.write(in.readNBytes(length));
                }
                OutputStream out = socket.getOutputStream();
                out.write((answer.apply(file.toByteArray()) + "\0").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return file.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ClamdClient client() {
        return new ClamdClient("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
    }
}
