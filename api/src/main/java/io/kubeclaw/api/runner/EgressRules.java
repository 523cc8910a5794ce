package io.kubeclaw.api.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Destinations a run's ClawPolicy lets it reach beyond the public internet ({@code networkIsolation.allowedEgress}).
 * The runner's {@code fetch_url} refuses private, loopback, link-local and metadata addresses unless a rule here
 * names them.
 */
public record EgressRules(int version, List<Rule> rules) {

    public static final int VERSION = 1;
    public static final EgressRules NONE = new EgressRules(VERSION, List.of());

    /** Exactly one of {@code cidr} and {@code host}; a null port allows every port. */
    public record Rule(String cidr, String host, Integer port) {
    }

    /** Whether a rule allows reaching {@code address}, which {@code host} resolved to, on {@code port}. */
    public boolean allows(String host, InetAddress address, int port) {
        if (rules == null) {
            return false;
        }
        return rules.stream().anyMatch(rule -> (rule.port() == null || rule.port() == port)
                && (rule.cidr() != null ? inCidr(address, rule.cidr()) : hostMatches(rule.host(), host)));
    }

    static boolean hostMatches(String pattern, String host) {
        if (pattern == null || host == null) {
            return false;
        }
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        return p.startsWith("*.") ? h.endsWith(p.substring(1)) : p.equals(h);
    }

    /** Whether {@code address} lies in {@code cidr} (IPv4 or IPv6); a malformed block matches nothing. */
    public static boolean inCidr(InetAddress address, String cidr) {
        int slash = cidr.indexOf('/');
        String literal = slash < 0 ? cidr : cidr.substring(0, slash);
        // An IP literal only: InetAddress would resolve a host name, and a block must never depend on DNS.
        if (literal.isEmpty() || !literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(literal).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
