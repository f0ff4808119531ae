package io.tessera.channel.outbox;

/**
 * The SMTP server mail leaves through. {@code password} is a secret: never logged, never shown back.
 *
 * @param security TLS (implicit, usually port 465), STARTTLS (usually 587) or NONE (a local relay)
 */
public record SmtpServer(String host, int port, Security security, String username, String password) {

    public enum Security {
        TLS, STARTTLS, NONE
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", " + security + ", user=" + username + "]";
    }
}
