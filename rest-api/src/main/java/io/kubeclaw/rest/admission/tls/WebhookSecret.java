package io.kubeclaw.rest.admission.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubeclaw.api.objects.ObjectLabels;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The Secret holding the webhook's certificates: {@code tls.crt} and {@code tls.key} (served), {@code ca.crt} (the
 * bundle the apiserver trusts) and, when the control plane manages them, {@code ca.key}. A Secret without the
 * managed-by label is someone else's (cert-manager's): it is read, never renewed.
 */
public final class WebhookSecret {

    static final String TLS_CRT = "tls.crt";
    static final String TLS_KEY = "tls.key";
    static final String CA_CRT = "ca.crt";
    static final String CA_KEY = "ca.key";

    private WebhookSecret() {
    }

    public static Secret build(String namespace, String name, WebhookCertificates certificates) {
        return new SecretBuilder()
                .withNewMetadata()
                    .withNamespace(namespace)
                    .withName(name)
                    .addToLabels(ObjectLabels.MANAGED_BY, ObjectLabels.MANAGED_BY_KUBECLAW)
                    .addToLabels(ObjectLabels.COMPONENT, "admission-webhook")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of(
                        TLS_CRT, encode(Pem.write(certificates.serving(), certificates.ca())),
                        TLS_KEY, encode(Pem.write(certificates.servingKey())),
                        CA_CRT, encode(Pem.write(certificates.caBundle().toArray())),
                        CA_KEY, encode(Pem.write(certificates.caKey()))))
                .build();
    }

    public static boolean isManaged(Secret secret) {
        return secret.getMetadata().getLabels() != null && ObjectLabels.MANAGED_BY_KUBECLAW.equals(secret.getMetadata().getLabels().get(ObjectLabels.MANAGED_BY));
    }

    /** The certificates in the Secret; the CA key is absent from a Secret someone else manages. */
    public static WebhookCertificates read(Secret secret) {
        String what = "Secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        X509Certificate serving = Pem.certificates(decode(data, TLS_CRT, what), what + " " + TLS_CRT).getFirst();
        return new WebhookCertificates(
                Pem.certificates(decode(data, CA_CRT, what), what + " " + CA_CRT),
                Optional.ofNullable(data.get(CA_KEY)).map(key -> Pem.privateKey(decode(data, CA_KEY, what), what + " " + CA_KEY)).orElse(null),
                serving,
                Pem.privateKey(decode(data, TLS_KEY, what), what + " " + TLS_KEY));
    }

    /** The caBundle of a webhook configuration: the CAs' PEM, base64-encoded. */
    public static String caBundle(WebhookCertificates certificates) {
        return encode(Pem.write(certificates.caBundle().toArray()));
    }

    private static String decode(Map<String, String> data, String key, String what) {
        String value = data.get(key);
        if (value == null) {
            throw new IllegalArgumentException(what + " has no " + key + ": it must hold tls.crt, tls.key and ca.crt");
        }
        return new String(Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
    }

    private static String encode(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
