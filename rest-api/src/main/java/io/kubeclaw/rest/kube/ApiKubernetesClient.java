package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The API's own connection to the apiserver, configured like kubectl's (KUBECONFIG, or the pod's service
 * account in a cluster). It acts with the server's rights for reviews, informers and the webhook; what the API
 * does for a caller goes through {@link CallerClients}, which impersonates the caller on this connection.
 */
@ApplicationScoped
public class ApiKubernetesClient {

    private final KubernetesClient client;

    public ApiKubernetesClient() {
        Config config = new ConfigBuilder().build();
        client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(ImpersonationHeaders.NAME,
                        new ImpersonationHeaders(config.getRequestConfig())))
                .build();
    }

    @Produces
    KubernetesClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
