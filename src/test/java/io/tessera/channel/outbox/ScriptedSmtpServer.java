package io.tessera.channel.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server for the outbox's worst days, counting the connections it gets: {@link Behaviour#SILENT} accepts
 * and never says a word (a blackhole: a firewall that swallows packets, a hung server); {@link Behaviour#DEFERRING}
 * talks SMTP but answers every recipient "450 try again later", a failure of one mail, not of the server.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum Behaviour { SILENT, DEFERRING }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final Runnable onConnection;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** {@code onConnection} runs on each connection before the server answers (or not). */
    ScriptedSmtpServer(Behaviour behaviour, Runnable onConnection) throws IOException {
        this.behaviour = behaviour;
        this.onConnection = onConnection;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void acceptForever() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                held.add(connection);
                connections.incrementAndGet();
                onConnection.run();
                if (behaviour == Behaviour.DEFERRING) {
                    Thread talker = new Thread(() -> defer(connection), "scripted-smtp-session");
                    talker.setDaemon(true);
                    talker.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void defer(Socket connection) {
        try (connection) {
            OutputStream out = connection.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            write(out, "220 scripted.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> write(out, "250 OK");
                    case "RCPT" -> write(out, "450 4.2.0 Mailbox busy, try again later");
                    case "QUIT" -> {
                        write(out, "221 Bye");
                        return;
                    }
                    default -> write(out, "503 5.5.1 Bad sequence");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : held) {
            connection.close();
        }
    }
}
