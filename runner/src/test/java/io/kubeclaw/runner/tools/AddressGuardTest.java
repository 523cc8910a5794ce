package io.kubeclaw.runner.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.runner.EgressRules;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    /** A DNS that only knows this table; every address is a literal, so nothing is ever looked up. */
    private static AddressGuard.Resolver table(Map<String, List<InetAddress>> entries) {
        return host -> {
            List<InetAddress> addresses = entries.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.toArray(InetAddress[]::new);
        };
    }

    private static AddressGuard guard(String host, InetAddress... addresses) {
        return new AddressGuard(EgressRules.NONE, table(Map.of(host, List.of(addresses))));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code ::ffff:a.b.c.d} kept as an IPv6 address: {@link InetAddress#getByAddress} would collapse it to IPv4. */
    private static InetAddress mapped(int a, int b, int c, int d) {
        return ipv6(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) a, (byte) b, (byte) c, (byte) d});
    }

    /** {@code ::a.b.c.d}, the deprecated IPv4-compatible form. */
    private static InetAddress compatible(int a, int b, int c, int d) {
        return ipv6(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static InetAddress ipv6(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:2800:220:1:248:1893:25c8:1946", "2001:4860:4860::8888"})
    void aPublicAddressIsAllowed(String address) {
        assertThat(guard("example.com", ip(address)).refusal("example.com", 443)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,        a loopback address",
            "127.1.2.3,        a loopback address",
            "10.0.0.1,         a private address",
            "172.16.5.4,       a private address",
            "172.31.255.255,   a private address",
            "192.168.1.1,      a private address",
            "169.254.169.254,  the cloud metadata service",
            "169.254.1.1,      a link-local address",
            "100.64.0.1,       not a public address",
            "0.0.0.0,          not a public address",
            "192.0.2.1,        not a public address",
            "198.18.0.1,       not a public address",
            "224.0.0.1,        not a public address",
            "255.255.255.255,  not a public address",
            "::1,              a loopback address",
            "::,               not a public address",
            "fd00:ec2::254,    a private address",
            "fc00::1,          a private address",
            "fe80::1,          a link-local address",
            "ff02::1,          not a public address",
            "2001:db8::1,      not a public address",
            "fec0::1,          a private address",
            "2001::1,          not a public address",
            "64:ff9b:1::a00:1, not a public address",
    })
    void aNonPublicAddressIsRefusedAndNamed(String address, String kind) {
        assertThat(guard("internal", ip(address)).refusal("internal", 80)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("internal resolves to", kind, "allowedEgress"));
    }

    static Stream<Arguments> ipv6FormsOfIpv4Addresses() {
        return Stream.of(
                Arguments.of(mapped(127, 0, 0, 1), "127.0.0.1", "a loopback address"),
                Arguments.of(mapped(10, 0, 0, 1), "10.0.0.1", "a private address"),
                Arguments.of(mapped(169, 254, 169, 254), "169.254.169.254", "the cloud metadata service"),
                Arguments.of(compatible(10, 0, 0, 1), "10.0.0.1", "a private address"),
                Arguments.of(compatible(169, 254, 169, 254), "169.254.169.254", "the cloud metadata service"),
                Arguments.of(ip("64:ff9b::a00:1"), "10.0.0.1", "a private address"),
                Arguments.of(ip("64:ff9b::7f00:1"), "127.0.0.1", "a loopback address"),
                Arguments.of(ip("64:ff9b::a9fe:a9fe"), "169.254.169.254", "the cloud metadata service"),
                Arguments.of(ip("2002:a00:1::"), "10.0.0.1", "a private address"),
                Arguments.of(ip("2002:a9fe:a9fe::"), "169.254.169.254", "the cloud metadata service"),
                Arguments.of(ip("::ffff:0:a00:1"), "10.0.0.1", "a private address"));
    }

    @ParameterizedTest
    @MethodSource("ipv6FormsOfIpv4Addresses")
    void anIpv6AddressCarryingAPrivateIpv4AddressIsRefused(InetAddress address, String embedded, String kind) {
        assertThat(address).isInstanceOf(Inet6Address.class);

        assertThat(guard("sneaky", address).refusal("sneaky", 80))
                .hasValueSatisfying(reason -> assertThat(reason).contains("resolves to " + embedded + ", which is " + kind));
    }

    @Test
    void anIpv6AddressCarryingAPublicIpv4AddressIsAllowed() {
        assertThat(guard("example.com", mapped(93, 184, 216, 34)).refusal("example.com", 443)).isEmpty();
        assertThat(guard("example.com", ip("64:ff9b::5db8:d822")).refusal("example.com", 443)).isEmpty();
    }

    static Stream<Arguments> embedded() {
        return Stream.of(
                Arguments.of(mapped(127, 0, 0, 1), "127.0.0.1"),
                Arguments.of(mapped(93, 184, 216, 34), "93.184.216.34"),
                Arguments.of(compatible(10, 0, 0, 1), "10.0.0.1"),
                Arguments.of(compatible(0, 0, 0, 2), "0.0.0.2"),
                Arguments.of(ip("64:ff9b::a00:1"), "10.0.0.1"));
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void theEmbeddedIpv4AddressIsFound(InetAddress address, String ipv4) {
        assertThat(AddressGuard.embeddedIpv4(address)).hasValueSatisfying(found -> {
            assertThat(found).isInstanceOf(Inet4Address.class);
            assertThat(found.getHostAddress()).isEqualTo(ipv4);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "10.0.0.1",
            // :: and ::1 are the unspecified and loopback addresses, not IPv4-compatible ones
            "::",
            "::1",
            "fe80::1",
            "2001:db8::a00:1",
            // only the well-known NAT64 prefix 64:ff9b::/96, not 64:ff9b:0:0:1::/96
            "64:ff9b::1:0:a00:1",
            "::fffe:a00:1",
    })
    void anAddressWithoutAnEmbeddedIpv4AddressHasNone(String address) {
        assertThat(AddressGuard.embeddedIpv4(ip(address))).isEmpty();
    }

    @Test
    void aHostWithOnePublicAndOnePrivateAddressIsRefused() {
        AddressGuard guard = guard("split.example.com", ip("93.184.216.34"), ip("10.0.0.1"));
        AddressGuard reversed = guard("split.example.com", ip("10.0.0.1"), ip("93.184.216.34"));

        assertThat(guard.refusal("split.example.com", 443)).hasValueSatisfying(reason -> assertThat(reason).contains("10.0.0.1"));
        assertThat(reversed.refusal("split.example.com", 443)).hasValueSatisfying(reason -> assertThat(reason).contains("10.0.0.1"));
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1,    5432, true",
            "10.255.0.9,  80,   true",
            "192.168.1.1, 5432, false",
            "127.0.0.1,   5432, false",
    })
    void aCidrEgressRuleAllowsThePrivateAddressesItNames(String address, int port, boolean allowed) {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new EgressRules.Rule("10.0.0.0/8", null, null)));
        AddressGuard guard = new AddressGuard(rules, table(Map.of("db.internal", List.of(ip(address)))));

        assertThat(guard.refusal("db.internal", port).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void aCidrEgressRuleAlsoAllowsTheIpv6FormOfItsAddresses() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new EgressRules.Rule("10.0.0.0/8", null, null)));
        AddressGuard guard = new AddressGuard(rules, table(Map.of("db.internal", List.of(mapped(10, 0, 0, 1)))));

        assertThat(guard.refusal("db.internal", 5432)).isEmpty();
    }

    @Test
    void aHostEgressRuleAllowsThatHostOnItsPortOnly() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new EgressRules.Rule(null, "*.svc.cluster.local", 8080)));
        AddressGuard guard = new AddressGuard(rules, table(Map.of(
                "api.team.svc.cluster.local", List.of(ip("10.96.0.10")),
                "other.internal", List.of(ip("10.96.0.10")))));

        assertThat(guard.refusal("api.team.svc.cluster.local", 8080)).isEmpty();
        assertThat(guard.refusal("api.team.svc.cluster.local", 80)).isPresent();
        assertThat(guard.refusal("other.internal", 8080)).isPresent();
    }

    @Test
    void anUnknownHostIsRefused() {
        assertThat(guard("example.com", ip("93.184.216.34")).refusal("nowhere.invalid", 443))
                .contains("the host nowhere.invalid does not resolve");
    }

    @Test
    void theNonPublicBlocksAreAllWellFormed() {
        // A malformed block would silently match nothing and so let its addresses through.
        for (String block : AddressGuard.NON_PUBLIC) {
            String network = block.substring(0, block.indexOf('/'));
            assertThat(EgressRules.inCidr(ip(network), block)).as(block).isTrue();
        }
    }
}
