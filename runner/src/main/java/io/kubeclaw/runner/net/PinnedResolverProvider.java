package io.kubeclaw.runner.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Pins each host name to its first answer for the life of the runner process, whatever the JVM's DNS cache
 * settings. fetch_url checks the addresses a name resolves to and the HTTP client then resolves it again; with
 * the answer pinned both see the same addresses, so a name cannot pass the check and then rebind to 169.254.169.254.
 * Installed through {@code META-INF/services}; a run lasts minutes, so a pinned answer never goes stale in practice.
 */
public final class PinnedResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        return new PinnedResolver(configuration.builtinResolver());
    }

    @Override
    public String name() {
        return "kubeclaw-pinned";
    }

    /** The built-in resolver's first successful answer per name and lookup policy; failures are not pinned. */
    static final class PinnedResolver implements InetAddressResolver {

        private final InetAddressResolver builtin;
        private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();

        PinnedResolver(InetAddressResolver builtin) {
            this.builtin = builtin;
        }

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            String key = host.toLowerCase(Locale.ROOT) + "/" + policy.characteristics();
            List<InetAddress> pinned = answers.get(key);
            if (pinned == null) {
                List<InetAddress> fresh = builtin.lookupByName(host, policy).toList();
                pinned = answers.putIfAbsent(key, fresh);
                pinned = pinned == null ? fresh : pinned;
            }
            return pinned.stream();
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            return builtin.lookupByAddress(address);
        }
    }
}
