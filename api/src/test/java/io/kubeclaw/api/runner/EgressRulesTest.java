package io.kubeclaw.api.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.runner.EgressRules.Rule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EgressRulesTest {

    /** Only literals: {@code getByName} on a literal never asks DNS. */
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0,        10.0.0.0/8,       true",
            "10.255.255.255,  10.0.0.0/8,       true",
            "11.0.0.0,        10.0.0.0/8,       false",
            "9.255.255.255,   10.0.0.0/8,       false",
            "172.16.0.0,      172.16.0.0/12,    true",
            "172.31.255.255,  172.16.0.0/12,    true",
            "172.32.0.0,      172.16.0.0/12,    false",
            "100.127.255.255, 100.64.0.0/10,    true",
            "100.128.0.0,     100.64.0.0/10,    false",
            "192.168.1.7,     192.168.1.7/32,   true",
            "192.168.1.8,     192.168.1.7/32,   false",
            // no prefix length is a single address
            "192.168.1.7,     192.168.1.7,      true",
            "192.168.1.8,     192.168.1.7,      false",
            "1.2.3.4,         0.0.0.0/0,        true",
            "255.255.255.255, 0.0.0.0/0,        true",
            // host bits set in the block do not matter
            "10.1.2.3,        10.9.9.9/8,       true",
    })
    void anIpv4AddressIsInABlockWhenItsLeadingBitsMatch(String address, String cidr, boolean inside) {
        assertThat(EgressRules.inCidr(ip(address), cidr)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({
            "fc00::,                                   fc00::/7,      true",
            "fd00:ec2::254,                            fc00::/7,      true",
            "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  fc00::/7,      true",
            "fe00::,                                   fc00::/7,      false",
            "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,  fc00::/7,      false",
            "fe80::1,                                  fe80::/10,     true",
            "febf::1,                                  fe80::/10,     true",
            "fec0::1,                                  fe80::/10,     false",
            "::1,                                      ::1/128,       true",
            "::2,                                      ::1/128,       false",
            "2001:db8::1,                              ::/0,          true",
            "2001:db8:ffff::1,                         2001:db8::/32, true",
            "2001:db9::1,                              2001:db8::/32, false",
    })
    void anIpv6AddressIsInABlockWhenItsLeadingBitsMatch(String address, String cidr, boolean inside) {
        assertThat(EgressRules.inCidr(ip(address), cidr)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1,  ::/0",
            "10.0.0.1,  fc00::/7",
            "::1,       0.0.0.0/0",
            "fd00::1,   10.0.0.0/8",
    })
    void anAddressIsNeverInABlockOfTheOtherFamily(String address, String cidr) {
        assertThat(EgressRules.inCidr(ip(address), cidr)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, 10.0.0.0/33",
            "10.0.0.1, 10.0.0.0/-1",
            "10.0.0.1, 10.0.0.0/x",
            "10.0.0.1, 10.0.0.0/",
            "10.0.0.1, 10.0.0.0/8/8",
            "::1,      ::/129",
            "::1,      fc00::zz/7",
    })
    void aMalformedBlockMatchesNothing(String address, String cidr) {
        assertThat(EgressRules.inCidr(ip(address), cidr)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "api.example.com,   api.example.com,   true",
            "api.example.com,   API.Example.COM,   true",
            "API.EXAMPLE.COM,   api.example.com,   true",
            "api.example.com,   www.example.com,   false",
            "api.example.com,   example.com,       false",
            "*.example.com,     a.example.com,     true",
            "*.example.com,     a.b.example.com,   true",
            "*.example.com,     A.EXAMPLE.com,     true",
            "*.example.com,     example.com,       false",
            "*.example.com,     badexample.com,    false",
            "*.example.com,     example.com.evil,  false",
    })
    void aHostRuleMatchesItsNameOrForAStarEverySubdomain(String pattern, String host, boolean matches) {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new Rule(null, pattern, null)));

        assertThat(rules.allows(host, ip("10.0.0.1"), 443)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({
            "443,  443, true",
            "443,  80,  false",
            "8080, 443, false",
    })
    void aRuleWithAPortAllowsOnlyThatPort(int rulePort, int port, boolean allowed) {
        EgressRules byHost = new EgressRules(EgressRules.VERSION, List.of(new Rule(null, "db.internal", rulePort)));
        EgressRules byCidr = new EgressRules(EgressRules.VERSION, List.of(new Rule("10.0.0.0/8", null, rulePort)));

        assertThat(byHost.allows("db.internal", ip("10.0.0.1"), port)).isEqualTo(allowed);
        assertThat(byCidr.allows("db.internal", ip("10.0.0.1"), port)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"1", "80", "443", "65535"})
    void aRuleWithoutAPortAllowsEveryPort(int port) {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new Rule("10.0.0.0/8", null, null)));

        assertThat(rules.allows("anything", ip("10.1.2.3"), port)).isTrue();
    }

    @Test
    void aCidrRuleLooksAtTheAddressNotTheName() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new Rule("10.0.0.0/8", null, null)));

        assertThat(rules.allows("db.internal", ip("10.0.0.1"), 5432)).isTrue();
        assertThat(rules.allows("db.internal", ip("192.168.0.1"), 5432)).isFalse();
    }

    @Test
    void anyOneMatchingRuleIsEnough() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(
                new Rule(null, "other.internal", null),
                new Rule("192.168.0.0/16", null, 22),
                new Rule(null, "*.svc.cluster.local", 8080)));

        assertThat(rules.allows("api.ns.svc.cluster.local", ip("10.96.0.10"), 8080)).isTrue();
        assertThat(rules.allows("nas", ip("192.168.4.4"), 22)).isTrue();
        assertThat(rules.allows("nas", ip("192.168.4.4"), 80)).isFalse();
    }

    @Test
    void aHostRuleNeverMatchesAMissingHost() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new Rule(null, "db.internal", null)));

        assertThat(rules.allows(null, ip("10.0.0.1"), 80)).isFalse();
    }

    @Test
    void aRuleWithNeitherCidrNorHostAllowsNothing() {
        EgressRules rules = new EgressRules(EgressRules.VERSION, List.of(new Rule(null, null, null)));

        assertThat(rules.allows("db.internal", ip("10.0.0.1"), 80)).isFalse();
    }

    @Test
    void nullOrNoRulesAllowNothing() {
        assertThat(new EgressRules(EgressRules.VERSION, null).allows("db.internal", ip("10.0.0.1"), 80)).isFalse();
        assertThat(EgressRules.NONE.allows("db.internal", ip("10.0.0.1"), 80)).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"localhost/32", "db.internal/8", "10.0.0.256/8", "/8", "10.0.0.0/x"})
    void aBlockThatIsNotAnIpLiteralMatchesNothingAndResolvesNothing(String cidr) {
        assertThat(EgressRules.inCidr(ip("127.0.0.1"), cidr)).isFalse();
        assertThat(EgressRules.inCidr(ip("10.0.0.1"), cidr)).isFalse();
    }
}
