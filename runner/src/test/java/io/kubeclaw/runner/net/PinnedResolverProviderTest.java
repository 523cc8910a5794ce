package io.kubeclaw.runner.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PinnedResolverProviderTest {

    private static final InetAddressResolver.LookupPolicy ANY =
            InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6);

    /** A DNS server under an attacker's control: a public answer first, the metadata address after. */
    private static final class RebindingDns implements InetAddressResolver {
        final Deque<Object> answers = new ArrayDeque<>();
        int lookups;

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            lookups++;
            Object next = answers.isEmpty() ? ip("169.254.169.254") : answers.pop();
            if (next instanceof UnknownHostException e) {
                throw e;
            }
            return Stream.of((InetAddress) next);
        }

        @Override
        public String lookupByAddress(byte[] address) {
            return "reverse";
        }
    }

    @Test
    void aNameKeepsItsFirstAnswerSoItCannotRebindBetweenTheCheckAndTheConnect() throws Exception {
        RebindingDns dns = new RebindingDns();
        dns.answers.add(ip("93.184.216.34"));
        var pinned = new PinnedResolverProvider.PinnedResolver(dns);

        List<InetAddress> atCheck = pinned.lookupByName("evil.example", ANY).toList();
        List<InetAddress> atConnect = pinned.lookupByName("EVIL.example", ANY).toList();

        assertThat(atCheck).containsExactly(ip("93.184.216.34"));
        assertThat(atConnect).isEqualTo(atCheck);
        assertThat(dns.lookups).isEqualTo(1);
    }

    @Test
    void aFailedLookupIsNotPinned() throws Exception {
        RebindingDns dns = new RebindingDns();
        dns.answers.add(new UnknownHostException("flaky"));
        dns.answers.add(ip("93.184.216.34"));
        var pinned = new PinnedResolverProvider.PinnedResolver(dns);

        assertThatThrownBy(() -> pinned.lookupByName("flaky.example", ANY)).isInstanceOf(UnknownHostException.class);
        assertThat(pinned.lookupByName("flaky.example", ANY).toList()).containsExactly(ip("93.184.216.34"));
    }

    @Test
    void theRunnerJarInstallsIt() {
        assertThat(ServiceLoader.load(InetAddressResolverProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(PinnedResolverProvider.class);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
