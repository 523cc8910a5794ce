package io.kubeclaw.rest.admission.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeclaw.rest.admission.tls.WebhookConfigurations.Target;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookConfigurationsTest {

    @Test
    void theValidatingWebhookFailsClosedOutsideTheSystemNamespaceAndTrustsTheBundle() {
        String yaml = Serialization.asYaml(WebhookConfigurations.validating(Target.service("kubeclaw-system", "kubeclaw-webhook", 443), "Q0E=", "c4ll3r"));

        assertThat(yaml).isEqualTo("""
                ---
                apiVersion: "admissionregistration.k8s.io/v1"
                kind: "ValidatingWebhookConfiguration"
                metadata:
                  labels:
                    app.kubernetes.io/managed-by: "kubeclaw"
                  name: "kubeclaw-policy"
                webhooks:
                - admissionReviewVersions:
                  - "v1"
                  clientConfig:
                    caBundle: "Q0E="
                    service:
                      name: "kubeclaw-webhook"
                      namespace: "kubeclaw-system"
                      path: "/api/admission/validate/c4ll3r"
                      port: 443
                  failurePolicy: "Fail"
                  matchPolicy: "Equivalent"
                  name: "policy.kubeclaw.io"
                  namespaceSelector:
                    matchExpressions:
                    - key: "kubernetes.io/metadata.name"
                      operator: "NotIn"
                      values:
                      - "kubeclaw-system"
                    - key: "kubeclaw.io/admission"
                      operator: "NotIn"
                      values:
                      - "disabled"
                  rules:
                  - apiGroups:
                    - "kubeclaw.io"
                    apiVersions:
                    - "*"
                    operations:
                    - "CREATE"
                    - "UPDATE"
                    resources:
                    - "agentruns"
                    - "clawinstances"
                    - "skillpacks"
                    - "clawschedules"
                    scope: "Namespaced"
                  sideEffects: "None"
                  timeoutSeconds: 10
                """);
    }

    @Test
    void aUrlTargetIsCalledThereAndItsHostIsWhatTheCertificateNames() {
        Target loopback = Target.url(URI.create("https://127.0.0.1:9443"));
        var mutating = WebhookConfigurations.mutating(loopback, "Q0E=", "c4ll3r").getWebhooks().getFirst();

        assertThat(mutating.getClientConfig().getUrl()).isEqualTo("https://127.0.0.1:9443/api/admission/mutate/c4ll3r");
        assertThat(mutating.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getOperations()).containsExactly("CREATE");
            assertThat(rule.getResources()).containsExactly("agentruns");
        });
        assertThat(loopback.hosts()).containsExactly("127.0.0.1");
        assertThat(Target.service("kubeclaw-system", "kubeclaw-webhook", 443).hosts())
                .contains("kubeclaw-webhook.kubeclaw-system.svc", "kubeclaw-webhook.kubeclaw-system.svc.cluster.local");
    }
}
