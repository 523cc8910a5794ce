package io.kubeclaw.controllers.ownership;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.objects.ControllerReferences;
import io.kubeclaw.api.objects.ObjectLabels;
import java.net.HttpURLConnection;

/**
 * Objects a controller makes for an owner are created, never taken over: an object of the same name that this owner
 * does not control stops the reconcile with {@link NotOwned}, instead of being overwritten now and deleted with the
 * owner later. "Controls" is {@link ControllerReferences}: a controller ownerReference on a namespaced object, the
 * {@link #OWNER_UID} label on a cluster-scoped one (which tenants cannot create). A namespaced decoy would need the
 * right to create that kind and a forged ownerReference: nothing a tenant could not do with that right directly.
 */
public final class OwnedObjects {

    public static final String OWNER_UID = ObjectLabels.OWNER_UID;

    /** An object of the wanted name exists and belongs to someone else; the message says which and what to do. */
    public static final class NotOwned extends RuntimeException {
        public NotOwned(String message) {
            super(message, null, false, false);
        }
    }

    private OwnedObjects() {
    }

    /**
     * Creates {@code desired}, or returns the existing object when {@code ownerUid} controls it (a retried reconcile, or
     * one before a restart, made it). Anything else of that name is {@link NotOwned}.
     */
    public static <T extends HasMetadata> T create(KubernetesClient client, T desired, String ownerUid) {
        try {
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
        T existing = client.resource(desired).get();
        if (existing == null) {
            // Deleted between the two calls: the next reconcile creates it.
            throw new KubernetesClientException(describe(desired) + " was deleted while it was being created; retrying");
        }
        return requireControlled(existing, ownerUid);
    }

    /** {@code object} itself, if {@code ownerUid} controls it; otherwise {@link NotOwned}. */
    public static <T extends HasMetadata> T requireControlled(T object, String ownerUid) {
        if (!controlledBy(object, ownerUid)) {
            throw new NotOwned(describe(object) + " already exists and was not made for this object: KubeClaw does not take over what it did not "
                    + "create; delete or rename it, or rename this object");
        }
        return object;
    }

    /** Whether {@code ownerUid} controls {@code object}. */
    public static boolean controlledBy(HasMetadata object, String ownerUid) {
        return ControllerReferences.controlledBy(object, ownerUid);
    }

    private static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " \"" + object.getMetadata().getName() + "\"" + (namespace == null ? "" : " in namespace \"" + namespace + "\"");
    }
}
