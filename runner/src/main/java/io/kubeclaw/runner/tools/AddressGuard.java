package io.kubeclaw.runner.tools;

import io.kubeclaw.api.runner.EgressRules;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether {@code fetch_url} may connect to a host, after DNS resolution: every address the name resolves to
 * must be public, or named by the ClawPolicy's egress rules. Otherwise a name that resolves to 169.254.169.254 or
 * 10.0.0.1 would reach the cloud's metadata service or the cluster's insides. The runner pins each name to its first
 * answer ({@link io.kubeclaw.runner.net.PinnedResolverProvider}), so the connection goes where the check looked.
 */
public final class AddressGuard {

    /** Blocks that are not the public internet: loopback, private, link-local (metadata), shared, reserved. */
    static final List<String> NON_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
            "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32",
            // Teredo and local-use NAT64 hide an IPv4 address that cannot be checked here.
            "2001::/32", "64:ff9b:1::/48");

    /** Resolves names; tests substitute a table. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final EgressRules egress;
    private final Resolver resolver;

    public AddressGuard(EgressRules egress, Resolver resolver) {
        this.egress = egress;
        this.resolver = resolver;
    }

    /** Why {@code host:port} may not be reached, or empty when it may. */
    public Optional<String> refusal(String host, int port) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            InetAddress effective = embeddedIpv4(address).orElse(address);
            if (!isPublic(effective) && !egress.allows(host, effective, port)) {
                return Optional.of(host + " resolves to " + effective.getHostAddress() + ", which is " + kind(effective)
                        + "; fetch_url reaches only public addresses unless the ClawPolicy's networkIsolation.allowedEgress names it");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        return NON_PUBLIC.stream().noneMatch(block -> EgressRules.inCidr(address, block));
    }

    private static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (EgressRules.inCidr(address, "169.254.169.254/32")) {
            return "the cloud metadata service";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress() || EgressRules.inCidr(address, "fc00::/7")) {
            return "a private address";
        }
        return "not a public address";
    }

    /**
     * The IPv4 address inside an IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64 or 6to4 IPv6 address, which
     * reaches that IPv4 host; Java already turns {@code ::ffff:a.b.c.d} literals into IPv4 addresses.
     */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean translated = allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && allZero(b, 10, 12);
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 16) && !(allZero(b, 12, 15) && b[15] == 1);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        int at = mapped || translated || compatible || nat64 ? 12 : (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02 ? 2 : -1;
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(new byte[]{b[at], b[at + 1], b[at + 2], b[at + 3]}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
