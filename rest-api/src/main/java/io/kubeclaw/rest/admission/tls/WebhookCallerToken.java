package io.kubeclaw.rest.admission.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.objects.ObjectLabels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret part of the webhook's path: the apiserver calls {@code /api/admission/validate/<token>}, learnt from the
 * webhook configuration it alone is meant to read, and any other caller (a pod that reached the HTTPS port) gets 404.
 * It lives in a Secret in the control plane's namespace, shared by every replica; deleting the Secret rotates it.
 * Where the apiserver can be given a client certificate for webhooks, that is stronger still (docs/security.md).
 */
final class WebhookCallerToken {

    static final String SECRET = "kubeclaw-webhook-caller";
    static final String KEY = "token";

    private WebhookCallerToken() {
    }

    /** The token in the Secret, which is created with a new random one when missing (another replica may win the race). */
    static String ensure(KubernetesClient client, String namespace) {
        var secrets = client.secrets().inNamespace(namespace);
        Secret existing = secrets.withName(SECRET).get();
        if (existing == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Secret created = new SecretBuilder().withNewMetadata().withName(SECRET).withNamespace(namespace)
                    .addToLabels(ObjectLabels.MANAGED_BY, ObjectLabels.MANAGED_BY_KUBECLAW).endMetadata()
                    .addToData(KEY, Base64.getEncoder().encodeToString(HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII)))
                    .build();
            try {
                existing = secrets.resource(created).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                existing = secrets.withName(SECRET).get();
            }
        }
        String encoded = existing.getData() == null ? null : existing.getData().get(KEY);
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalStateException("Secret " + namespace + "/" + SECRET + " has no \"" + KEY + "\": delete it, and the webhook makes a new one");
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII).strip();
    }

    /** Whether {@code offered} is {@code expected}, in time that does not depend on where they differ. */
    static boolean matches(String expected, String offered) {
        return expected != null && offered != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }
}
