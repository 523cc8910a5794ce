package io.kubeclaw.controllers.ownership;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Recognises apiserver refusals that mean "nothing to do" rather than "something is wrong". */
public final class KubernetesErrors {

    private KubernetesErrors() {
    }

    /** The namespace is being deleted: creating what an owner needs there is pointless, not an error. */
    public static boolean namespaceTerminating(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null
                && e.getStatus().getDetails().getCauses().stream().anyMatch(cause -> "NamespaceTerminating".equals(cause.getReason()));
    }
}
