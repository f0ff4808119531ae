package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses Tessera refuses to connect to on an admin's say-so, and the allow-list that lifts it. */
class HostPolicyTests {

    private static final HostPolicy STRICT = HostPolicy.strict();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                | a loopback address
            127.8.9.10               | a loopback address
            ::1                      | a loopback address
            10.1.2.3                 | a private address
            172.16.0.1               | a private address
            172.31.255.254           | a private address
            192.168.1.1              | a private address
            fd00:ec2::254            | a private address
            fc12:3456::1             | a private address
            169.254.169.254          | a link-local address
            fe80::1                  | a link-local address
            0.0.0.0                  | an unspecified address
            0.1.2.3                  | an unspecified address
            ::                       | an unspecified address
            224.0.0.1                | a multicast address
            ff02::1                  | a multicast address
            255.255.255.255          | a broadcast address
            100.64.0.1               | a carrier-grade NAT address
            100.100.100.200          | a carrier-grade NAT address
            ::ffff:169.254.169.254   | a link-local address
            ::ffff:127.0.0.1         | a loopback address
            ::ffff:10.0.0.1          | a private address
            ::ffff:0.0.0.0           | an unspecified address
            ::169.254.169.254        | a link-local address
            64:ff9b::a9fe:a9fe       | a link-local address
            """)
    void refusesInternalAddressesAndSaysWhatTheyAre(String literal, String kind) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);

        assertThat(STRICT.refusal(literal, address)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo(address.getHostAddress() + " is " + kind + "; allow it with TESSERA_ALLOW_PRIVATE_HOSTS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.1.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "192.169.0.1", "11.0.0.1"})
    void letsPublicAddressesThrough(String literal) throws UnknownHostException {
        assertThat(STRICT.refusal("example.com", InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata.google.internal", "METADATA.google.internal.", "metadata", "metadata.goog",
            "instance-data", "instance-data.ec2.internal"})
    void refusesCloudMetadataNamesWhateverTheyResolveTo(String name) throws UnknownHostException {
        assertThat(STRICT.refusal(name, InetAddress.getByName("93.184.215.14")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("is a cloud metadata service"));
        assertThat(STRICT.refusal(name)).isPresent();
    }

    @Test
    void aNameIsResolvedAndRefusedWhenAnyOfItsAddressesIs() {
        assertThat(STRICT.refusal("localhost")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("localhost resolves to ").contains("a loopback address").endsWith("TESSERA_ALLOW_PRIVATE_HOSTS"));
        assertThat(STRICT.refusal("169.254.169.254")).hasValue(
                "169.254.169.254 is a link-local address; allow it with TESSERA_ALLOW_PRIVATE_HOSTS");
        assertThat(STRICT.refusal("[::1]")).hasValue("0:0:0:0:0:0:0:1 is a loopback address; allow it with TESSERA_ALLOW_PRIVATE_HOSTS");
        assertThat(STRICT.refusal("[::ffff:a9fe:a9fe]")).isPresent();
    }

    @Test
    void aNameThatDoesNotResolveIsLeftToTheCheckWhenConnecting() {
        assertThat(STRICT.refusal("no-such-host.invalid")).isEmpty();
    }

    @Test
    void theAllowListTakesAddressesRangesAndNames() throws UnknownHostException {
        HostPolicy policy = HostPolicy.allowing(" 127.0.0.1, 10.20.0.0/16 ,fd00:1234::/32, exchange.corp.local ,[::1],metadata");

        assertThat(policy.refusal("x", InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal("x", InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(policy.refusal("x", InetAddress.getByName("10.20.255.1"))).isEmpty();
        assertThat(policy.refusal("x", InetAddress.getByName("::ffff:10.20.3.4"))).as("IPv4-mapped, same address").isEmpty();
        assertThat(policy.refusal("x", InetAddress.getByName("10.21.0.1"))).isPresent();
        assertThat(policy.refusal("x", InetAddress.getByName("fd00:1234:5::1"))).isEmpty();
        assertThat(policy.refusal("x", InetAddress.getByName("fd00:1235::1"))).isPresent();
        assertThat(policy.refusal("x", InetAddress.getByName("::1"))).isEmpty();
        assertThat(policy.refusal("Exchange.Corp.Local.", InetAddress.getByName("10.99.0.5"))).as("an allowed name, any address")
                .isEmpty();
        assertThat(policy.refusal("metadata", InetAddress.getByName("169.254.169.254"))).as("explicitly allowed").isEmpty();
        assertThat(policy.refusal("metadata.google.internal", InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(policy.refusal("localhost")).as("resolves to 127.0.0.1 only here, or also ::1: both allowed")
                .isEmpty();
        assertThat(policy.allowed()).containsExactly("127.0.0.1", "10.20.0.0/16", "fd00:1234::/32", "exchange.corp.local",
                "::1", "metadata");
    }

    @Test
    void anEmptyAllowListIsTheStrictDefault() throws UnknownHostException {
        assertThat(HostPolicy.allowing(null).refusal("x", InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(HostPolicy.allowing(" , ").refusal("x", InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(HostPolicy.allowing("").allowed()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            10.0.0.0/33          | '10.0.0.0/33': an IPv4 prefix is 0 to 32 bits
            fd00::/129           | 'fd00::/129': an IPv6 prefix is 0 to 128 bits
            10.20.1.0/16         | '10.20.1.0/16' has bits set after its /16 prefix; did you mean 10.20.0.0/16?
            10.0.0.0/x           | '10.0.0.0/x': the prefix after / is a number of bits
            example.com/24       | 'example.com/24': a range is an IP address, /, and a number of bits
            300.1.1.1            | '300.1.1.1' is neither an IP address nor a host name
            10.20                | '10.20' is neither an IP address nor a host name
            http://intranet      | 'http://intranet' is neither an IP address nor a host name
            exchange corp        | 'exchange corp' is neither an IP address nor a host name
            fd00::zz             | 'fd00::zz' is neither an IP address nor a host name
            """)
    void anInvalidEntryIsRefusedWithAClearMessage(String entry, String message) {
        assertThatThrownBy(() -> HostPolicy.allowing("127.0.0.1," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TESSERA_ALLOW_PRIVATE_HOSTS: " + message);
    }
}
