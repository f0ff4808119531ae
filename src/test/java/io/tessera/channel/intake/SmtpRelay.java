package io.tessera.channel.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The sending side of SMTP written out on a plain socket, so a test can stop at any byte: the way a relay
 * (Postfix, a mail provider) hands a message to Tessera's receiver, one connection per message. The
 * message counts as delivered only on a {@code 250} after the final dot; anything else — a refusal, a reset
 * connection, a timeout — leaves it with the relay, which sends it again later. That is the contract the
 * crash test holds Tessera to.
 *
 * <p>Jakarta Mail's {@code Transport} cannot be paused half way through DATA or between the dot and the
 * reply, which is where a crash is most interesting; this can ({@link Interruption}).
 */
final class SmtpRelay {

    /**
     * Where in a transfer a test may step in (e.g. to kill the server): half way through the data, or after
     * the final dot — after which the relay does not read the reply and counts the message as not sent.
     */
    enum Point { HALF_OF_DATA, AFTER_FINAL_DOT }

    /** Called once at the chosen point of the transfer, with the connection still open. */
    interface Interruption {
        void at(Point point);
    }

    private final int port;

    SmtpRelay(int port) {
        this.port = port;
    }

    /** Sends one message; true only when the receiver answered 250 to its data. */
    boolean send(String from, String to, byte[] message) {
        return send(from, to, message, null, null);
    }

    boolean send(String from, String to, byte[] message, Point point, Interruption interruption) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true); // the data goes in pieces; Nagle would hold each back for a delayed ACK
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, 220);
            command(out, "EHLO relay.crash.test");
            expect(in, 250);
            command(out, "MAIL FROM:<" + from + ">");
            expect(in, 250);
            command(out, "RCPT TO:<" + to + ">");
            expect(in, 250);
            command(out, "DATA");
            expect(in, 354);
            byte[] data = dotStuffed(message);
            int half = data.length / 2;
            out.write(data, 0, half);
            out.flush();
            if (point == Point.HALF_OF_DATA) {
                interruption.at(point);
            }
            out.write(data, half, data.length - half);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (point == Point.AFTER_FINAL_DOT) {
                // The relay goes away before it reads the answer: whatever the server replied (a 250 may be
                // waiting in the socket), the relay still has the message and sends it again — the
                // "stored, but the 250 was lost" case that only de-duplication by Message-ID handles.
                interruption.at(point);
                return false;
            }
            boolean accepted = reply(in) == 250;
            try {
                command(out, "QUIT");
                reply(in);
            } catch (IOException closedAlready) {
                // the message's fate was decided by the reply to its data
            }
            return accepted;
        } catch (IOException notDelivered) {
            return false;
        }
    }

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

    /** The code of a (possibly multi-line, "250-…") reply. */
    private static int reply(InputStream in) throws IOException {
        while (true) {
            String line = line(in);
            if (line.length() < 3) {
                throw new IOException("malformed reply: " + line);
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
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
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** CRLF line ends, a dot doubled at the start of a line (RFC 5321 4.5.2), ending in CRLF. */
    private static byte[] dotStuffed(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        if (!text.endsWith("\r\n")) {
            text += "\r\n";
        }
        text = (text.startsWith(".") ? "." : "") + text.replace("\r\n.", "\r\n..");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
