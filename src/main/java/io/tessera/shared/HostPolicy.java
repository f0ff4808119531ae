package io.tessera.shared;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts Tessera may connect to when an admin names them (the SMTP server, IMAP/POP3 mailboxes, webhook
 * URLs). Someone who can set such a host must not be able to reach what only this server can reach: the
 * cloud's metadata service (169.254.169.254, {@code metadata.google.internal}), services on this host, or
 * the private network behind it. So loopback, private (RFC 1918, fc00::/7), link-local, unspecified,
 * multicast, broadcast and carrier-grade NAT addresses, their IPv4-mapped IPv6 forms, and the metadata
 * services' names are refused — unless the admin allows them by address, CIDR range or exact host name with
 * {@value #SETTING} (e.g. {@code 10.20.0.0/16,exchange.corp.local} for an on-premises Exchange).
 * <p>
 * Used twice: when a host is saved ({@link #refusal(String)} resolves the name and checks every address),
 * and when connecting ({@link #refusal(String, InetAddress)} on the very address the socket connects to, so a
 * name that resolves differently by then — DNS rebinding — is refused too).
 */
public final class HostPolicy {

    /** The environment variable admins set; named in every refusal so the way out is in the message. */
    public static final String SETTING = "TESSERA_ALLOW_PRIVATE_HOSTS";

    /** Names of cloud metadata services, refused even if they resolve somewhere harmless from here. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal", "metadata.oraclecloud.com");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[\\d.]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

    private final List<String> entries;
    private final Set<String> names;
    private final List<Range> ranges;

    private HostPolicy(List<String> entries, Set<String> names, List<Range> ranges) {
        this.entries = List.copyOf(entries);
        this.names = Set.copyOf(names);
        this.ranges = List.copyOf(ranges);
    }

    /** Nothing internal allowed: the default. */
    public static HostPolicy strict() {
        return allowing("");
    }

    /**
     * The policy with a comma-separated allow-list of IP addresses, CIDR ranges and host names; blank allows
     * nothing. An entry that is none of these is refused with an {@link IllegalArgumentException} naming it,
     * so a typo fails at startup instead of silently allowing nothing (or too much).
     */
    public static HostPolicy allowing(String list) {
        List<String> entries = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        List<Range> ranges = new ArrayList<>();
        for (String raw : (list == null ? "" : list).split(",")) {
            String entry = unbracket(raw.strip());
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(entry);
            if (entry.contains("/") && entry.indexOf('/') == entry.lastIndexOf('/')) {
                ranges.add(Range.parse(entry));
            } else if (isAddressLiteral(entry)) {
                InetAddress address = literal(entry);
                ranges.add(new Range(address, address.getAddress().length * 8));
            } else if (!LOOKS_NUMERIC.matcher(entry).matches() && HOST_NAME.matcher(entry).matches()) {
                names.add(normalName(entry));
            } else {
                throw invalid("'" + entry + "' is neither an IP address nor a host name");
            }
        }
        return new HostPolicy(entries, names, ranges);
    }

    /** The allow-list's entries as given (for the startup log). */
    public List<String> allowed() {
        return entries;
    }

    /**
     * Why a host as an admin typed it may not be saved, or empty. A name is resolved now and refused when any
     * of its addresses is; a name that does not resolve (yet) is left to the check when connecting.
     */
    public Optional<String> refusal(String host) {
        String name = unbracket(host == null ? "" : host.strip());
        if (name.isEmpty() || allowedName(name)) {
            return Optional.empty();
        }
        Optional<String> byName = metadataName(name);
        if (byName.isPresent()) {
            return byName;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException unknown) {
            return Optional.empty();
        }
        boolean literal = addresses.length == 1 && isAddressLiteral(name);
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return Optional.of((literal ? address.getHostAddress() + " is " : name + " resolves to "
                        + address.getHostAddress() + ", ") + kind.get() + "; allow it with " + SETTING);
            }
        }
        return Optional.empty();
    }

    /**
     * Why connecting to {@code address}, which {@code host} (the name or literal the connection was asked
     * for) resolved to, is refused; empty when it may go ahead.
     */
    public Optional<String> refusal(String host, InetAddress address) {
        String name = host == null ? "" : unbracket(host.strip());
        if (!name.isEmpty() && allowedName(name)) {
            return Optional.empty();
        }
        Optional<String> byName = name.isEmpty() ? Optional.empty() : metadataName(name);
        if (byName.isPresent()) {
            return byName;
        }
        return forbiddenKind(address).map(kind -> address.getHostAddress() + " is " + kind + "; allow it with " + SETTING);
    }

    /**
     * For clients that cannot be handed a checked address (the JDK's HttpClient resolves the name itself):
     * resolves {@code host} now and throws {@link RefusedHost} when the name or any of its addresses is
     * refused. The client's own lookup moments later normally gets the same answer from the JVM's address
     * cache (successful lookups are kept 30 s by default); see docs/security.md for the window that remains.
     */
    public void checkBeforeConnecting(String host) throws UnknownHostException, RefusedHost {
        String name = unbracket(host == null ? "" : host.strip());
        for (InetAddress address : InetAddress.getAllByName(name)) {
            Optional<String> refusal = refusal(name, address);
            if (refusal.isPresent()) {
                throw new RefusedHost(refusal.get());
            }
        }
    }

    private boolean allowedName(String name) {
        return names.contains(normalName(name));
    }

    private Optional<String> metadataName(String name) {
        String normal = normalName(name);
        return METADATA_NAMES.contains(normal) ? Optional.of(normal + " is a cloud metadata service; allow it with " + SETTING)
                : Optional.empty();
    }

    /** What kind of internal address this is ("a loopback address"), or empty for an ordinary one. */
    private Optional<String> forbiddenKind(InetAddress given) {
        InetAddress address = embeddedIpv4(given);
        for (Range range : ranges) {
            if (range.contains(address)) {
                return Optional.empty();
            }
        }
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress() || address instanceof Inet4Address && b[0] == 0) {
            return Optional.of("an unspecified address"); // 0.0.0.0/8 and ::, which Linux connects to this host
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("a private address"); // 10/8, 172.16/12, 192.168/16, fec0::/10, fc00::/7
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address && Arrays.equals(b, new byte[] {-1, -1, -1, -1})) {
            return Optional.of("a broadcast address");
        }
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address"); // 100.64/10, also Alibaba Cloud's metadata service
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}) or
     * NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6 address, which reach that IPv4 address; otherwise the address.
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
        boolean mapped = zeroPrefix && b[10] == -1 && b[11] == -1;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
        boolean nat64 = Arrays.equals(Arrays.copyOf(b, 12), new byte[] {0, 0x64, -1, -101, 0, 0, 0, 0, 0, 0, 0, 0});
        if (!mapped && !compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isAddressLiteral(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }

    /** An IP address literal, parsed without any DNS lookup (callers pass only what looks like one). */
    private static InetAddress literal(String text) {
        try {
            // A string with ':' or a dotted quad is parsed as a literal by the JDK, never looked up.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw invalid("'" + text + "' is neither an IP address nor a host name");
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String normalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(SETTING + ": " + message);
    }

    /** A CIDR range: the network's address and how many leading bits must match. */
    private record Range(InetAddress network, int bits) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = entry.substring(0, slash);
            String prefix = entry.substring(slash + 1);
            if (!isAddressLiteral(address)) {
                throw invalid("'" + entry + "': a range is an IP address, /, and a number of bits");
            }
            if (!prefix.matches("\\d{1,3}")) {
                throw invalid("'" + entry + "': the prefix after / is a number of bits");
            }
            InetAddress network = literal(address);
            int max = network.getAddress().length * 8;
            int bits = Integer.parseInt(prefix);
            if (bits > max) {
                throw invalid("'" + entry + "': an " + (max == 32 ? "IPv4" : "IPv6") + " prefix is 0 to " + max + " bits");
            }
            Range range = new Range(network, bits);
            InetAddress masked = range.masked(network);
            if (!masked.equals(network)) {
                throw invalid("'" + entry + "' has bits set after its /" + bits + " prefix; did you mean "
                        + masked.getHostAddress().replaceAll("(^|:)0(:0)+(:|$)", "::") + "/" + bits + "?");
            }
            return range;
        }

        boolean contains(InetAddress address) {
            return address.getAddress().length == network.getAddress().length && masked(address).equals(network);
        }

        private InetAddress masked(InetAddress address) {
            byte[] b = address.getAddress();
            for (int i = 0; i < b.length; i++) {
                int keep = Math.max(0, Math.min(8, bits - i * 8));
                b[i] &= (byte) (0xff << (8 - keep));
            }
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
