package io.tessera.shared;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.SocketFactory;

/**
 * Sockets that check the address they are about to connect to against the {@link HostPolicy}, and then
 * connect to exactly that address: there is no second lookup an attacker's DNS could answer differently
 * (DNS rebinding). Jakarta Mail (Angus) makes its connections through it once {@link #install}ed; implicit
 * TLS and STARTTLS are layered on the checked plain socket.
 */
public final class CheckedSocketFactory extends SocketFactory {

    private final HostPolicy policy;

    public CheckedSocketFactory(HostPolicy policy) {
        this.policy = policy;
    }

    /**
     * Makes every connection of the given Jakarta Mail protocols ({@code smtp}, {@code imaps}, …) go through
     * a checked socket. Angus uses {@code mail.<protocol>.socketFactory} for plain connections and, when no
     * {@code ssl.socketFactory} is set, for implicit TLS too (wrapping the socket in TLS after connecting);
     * without {@code fallback=false} it would retry a refused connection with an unchecked socket of its own.
     */
    public static void install(Properties properties, HostPolicy policy, String... protocols) {
        CheckedSocketFactory factory = new CheckedSocketFactory(policy);
        for (String protocol : protocols) {
            properties.put("mail." + protocol + ".socketFactory", factory);
            properties.put("mail." + protocol + ".socketFactory.fallback", "false");
            properties.remove("mail." + protocol + ".ssl.socketFactory");
            properties.remove("mail." + protocol + ".ssl.socketFactory.class");
            properties.remove("mail." + protocol + ".proxy.host");
            properties.remove("mail." + protocol + ".socks.host");
        }
    }

    /** An unconnected socket that checks the address when it connects. */
    @Override
    public Socket createSocket() {
        return new CheckedSocket(policy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address.getHostAddress(), port, localAddress, localPort);
    }

    @Override
    public String toString() {
        return "CheckedSocketFactory";
    }

    private static final class CheckedSocket extends Socket {

        private final HostPolicy policy;

        CheckedSocket(HostPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IllegalArgumentException("Only internet addresses: " + endpoint);
            }
            if (target.isUnresolved()) {
                throw new UnknownHostException(target.getHostString());
            }
            // The address InetSocketAddress resolved is the one Socket connects to: checked here, used as is.
            var refusal = policy.refusal(target.getHostString(), target.getAddress());
            if (refusal.isPresent()) {
                throw new RefusedHost(refusal.get());
            }
            super.connect(target, timeout);
        }
    }
}
