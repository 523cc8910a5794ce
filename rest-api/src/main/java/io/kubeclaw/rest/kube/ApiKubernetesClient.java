package io.kubeclaw.rest.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The API's own connection to the apiserver, configured like kubectl's (KUBECONFIG, or the pod's service
 * account in a cluster). It acts with the server's rights; callers' rights are checked by reviews first.
 */
@ApplicationScoped
public class ApiKubernetesClient {

    private final KubernetesClient client = new KubernetesClientBuilder().build();

    @Produces
    KubernetesClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
