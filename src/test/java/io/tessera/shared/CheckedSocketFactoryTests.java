package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sockets mail connections are made with: the address they are about to connect to is checked, so a
 * name that resolves to an internal address when connecting (DNS rebinding) is refused as well.
 */
class CheckedSocketFactoryTests {

    ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout(300);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private void assertNobodyConnected() {
        assertThatThrownBy(() -> server.accept().close()).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aForbiddenAddressIsRefusedBeforeAnyPacketIsSent() {
        CheckedSocketFactory factory = new CheckedSocketFactory(HostPolicy.strict());

        assertThatThrownBy(() -> factory.createSocket().connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 1000))
                .isInstanceOf(RefusedHost.class)
                .hasMessage("refused: 127.0.0.1 is a loopback address; allow it with TESSERA_ALLOW_PRIVATE_HOSTS");
        assertThatThrownBy(() -> factory.createSocket("localhost", server.getLocalPort())).isInstanceOf(RefusedHost.class);
        assertNobodyConnected();
    }

    @Test
    void anAllowedAddressOrNameConnects() throws IOException {
        try (Socket socket = new CheckedSocketFactory(HostPolicy.allowing("127.0.0.1")).createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 1000);
            assertThat(socket.isConnected()).isTrue();
        }
        try (Socket socket = new CheckedSocketFactory(HostPolicy.allowing("localhost")).createSocket("localhost",
                server.getLocalPort())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void anUnresolvedAddressIsAnUnknownHost() {
        assertThatThrownBy(() -> new CheckedSocketFactory(HostPolicy.strict()).createSocket()
                .connect(InetSocketAddress.createUnresolved("example.com", 25), 1000))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void jakartaMailUsesItForPlainAndImplicitTlsAndDoesNotFallBackToAnUncheckedSocket() {
        for (String protocol : new String[] {"smtp", "smtps"}) {
            Properties properties = new Properties();
            properties.put("mail." + protocol + ".connectiontimeout", "2000");
            CheckedSocketFactory.install(properties, HostPolicy.strict(), protocol);

            assertThatThrownBy(() -> {
                try (Transport transport = Session.getInstance(properties).getTransport(protocol)) {
                    transport.connect("127.0.0.1", server.getLocalPort(), null, null);
                }
            }).as(protocol).isInstanceOf(MessagingException.class)
                    .rootCause().isInstanceOf(RefusedHost.class).hasMessageContaining("127.0.0.1 is a loopback address");
        }
        assertNobodyConnected();
    }

    @Test
    void mailboxStoresUseItForPlainStartTlsAndImplicitTls() {
        for (String protocol : new String[] {"imap", "imaps", "pop3", "pop3s"}) {
            Properties properties = new Properties();
            properties.put("mail." + protocol + ".connectiontimeout", "2000");
            properties.put("mail." + protocol + ".starttls.enable", "true");
            CheckedSocketFactory.install(properties, HostPolicy.strict(), protocol);

            assertThatThrownBy(() -> {
                try (Store store = Session.getInstance(properties).getStore(protocol)) {
                    store.connect("127.0.0.1", server.getLocalPort(), "user", "password");
                }
            }).as(protocol).isInstanceOf(MessagingException.class)
                    .rootCause().isInstanceOf(RefusedHost.class).hasMessageContaining("127.0.0.1 is a loopback address");
        }
        assertNobodyConnected();
    }
}
