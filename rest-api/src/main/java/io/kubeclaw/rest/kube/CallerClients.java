package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.kubeclaw.rest.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connections to the apiserver that act as a caller of the API (Kubernetes impersonation): everything the API
 * reads or writes for a caller goes through one, so the apiserver's RBAC and admission, not this server's rights,
 * decide what the caller may do. The server's own identity is kept for the controllers and the reviews.
 */
@ApplicationScoped
public class CallerClients {

    @Inject
    KubernetesClient client;

    /**
     * A client acting as {@code caller}. It shares the server's connection pool and is cheap to make; it must not be
     * closed, which would close the pool it shares.
     */
    public KubernetesClient of(Caller caller) {
        return client.newClient(requestConfig(client.getConfiguration().getRequestConfig(), caller)).adapt(KubernetesClient.class);
    }

    /** The server's own request settings, acting as {@code caller} (see {@link ImpersonationHeaders}). */
    static RequestConfig requestConfig(RequestConfig own, Caller caller) {
        RequestConfig config = new RequestConfigBuilder(own).build();
        config.setImpersonateUsername(caller.username());
        config.setImpersonateGroups(caller.groups().toArray(String[]::new));
        Map<String, List<String>> extras = new HashMap<>(caller.extra());
        // A caller's own extra under the uid key would otherwise choose the uid it is impersonated with.
        extras.remove(ImpersonationHeaders.UID_KEY);
        if (caller.uid() != null && !caller.uid().isEmpty()) {
            extras.put(ImpersonationHeaders.UID_KEY, List.of(caller.uid()));
        }
        config.setImpersonateExtras(extras);
        return config;
    }
}
