package io.tessera.channel.email;

/**
 * One mailbox from an address header: the address as written (not lower-cased, since the local part is
 * case-sensitive in theory; compare with {@link #normalized()}) and the display name, RFC 2047 decoded,
 * empty when there is none.
 */
public record MailAddress(String address, String name) {

    public MailAddress {
        address = address == null ? "" : address.strip();
        name = name == null ? "" : StorableText.line(name).strip();
    }

    /** The address lower-cased, for finding customers and comparing senders. */
    public String normalized() {
        return address.toLowerCase(java.util.Locale.ROOT);
    }

    /** The part after the last {@code @}, lower-cased; empty when there is none. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The part before the last {@code @}. */
    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }
}
