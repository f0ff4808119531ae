package io.tessera.conversation;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client for ClamAV's daemon, clamd, speaking its {@code INSTREAM} command over TCP: the file travels as
 * chunks, each after its length in 4 bytes (big-endian), ended by a chunk of length 0; clamd answers
 * {@code stream: OK}, {@code stream: <signature> FOUND}, or an error such as
 * {@code INSTREAM size limit exceeded. ERROR}. The {@code z} prefix makes commands and answers end with a
 * NUL byte. One connection per scan: clamd closes it after answering anyway.
 *
 * <p>Hand-written because the Java clamd clients on Maven Central are unmaintained or drag in a runtime of
 * their own; the protocol is these few lines (docs/adr/0010-virus-scanning.md).
 */
final class ClamdClient {

    /** What clamd said about a stream. */
    sealed interface Verdict permits Clean, Infected {
    }

    record Clean() implements Verdict {
    }

    /** @param signature the name of what clamd found, e.g. {@code Eicar-Test-Signature.UNOFFICIAL} */
    record Infected(String signature) implements Verdict {
    }

    /** clamd could not be reached, timed out, or answered with an error instead of a verdict. */
    static final class ScanFailed extends Exception {
        ScanFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int CHUNK = 64 * 1024;
    /** Longer answers are not clamd's: a signature name is short. */
    private static final int MAX_REPLY = 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    ClamdClient(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    /**
     * Parses {@code host:port} ({@code [::1]:3310} for IPv6).
     *
     * @throws IllegalArgumentException when it is not of that form
     */
    static ClamdClient of(String address, Duration timeout) {
        String value = address.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("A clamd address is host:port, e.g. 127.0.0.1:3310, not " + address);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A clamd address is host:port, e.g. 127.0.0.1:3310, not " + address);
        }
        return new ClamdClient(host, port, timeout);
    }

    String address() {
        return host + ":" + port;
    }

    /** Sends the stream to clamd and returns its verdict. The stream is read to its end, not closed. */
    Verdict scan(InputStream content) throws ScanFailed {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK + 8));
            InputStream in = socket.getInputStream();
            try {
                out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                byte[] buffer = new byte[CHUNK];
                int read;
                while ((read = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                    out.writeInt(read);
                    out.write(buffer, 0, read);
                }
                out.writeInt(0);
                out.flush();
            } catch (IOException writing) {
                // clamd stops reading and answers early when a stream is over its StreamMaxLength; that
                // answer says more than the broken pipe.
                String early = earlyReply(in);
                throw new ScanFailed(early.isEmpty() ? "clamd at " + address() + " closed the connection while the file "
                        + "was being sent: " + writing.getMessage() : "clamd at " + address() + " answered " + early, writing);
            }
            return verdict(readReply(in));
        } catch (IOException e) {
            throw new ScanFailed("clamd at " + address() + " could not be reached or did not answer in time: " + e, e);
        }
    }

    /** Checks that clamd answers {@code PING} with {@code PONG}. */
    boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return "PONG".equals(readReply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Parses an answer to {@code INSTREAM}. */
    Verdict verdict(String reply) throws ScanFailed {
        if (reply.equals("stream: OK")) {
            return new Clean();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            String signature = reply.substring("stream: ".length(), reply.length() - " FOUND".length()).strip();
            if (!signature.isEmpty()) {
                return new Infected(signature);
            }
        }
        throw new ScanFailed("clamd at " + address() + " answered "
                + (reply.isEmpty() ? "nothing" : "\"" + reply + "\""), null);
    }

    /** Reads an answer up to its NUL (or the end of the connection), without the NUL or surrounding space. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != 0 && reply.size() < MAX_REPLY) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.UTF_8).strip();
    }

    /** What clamd said before it closed a connection we were still writing to, if anything. */
    private static String earlyReply(InputStream in) {
        try {
            return readReply(in);
        } catch (IOException e) {
            return "";
        }
    }
}
