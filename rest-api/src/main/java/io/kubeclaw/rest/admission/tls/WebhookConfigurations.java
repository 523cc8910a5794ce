package io.kubeclaw.rest.admission.tls;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfigBuilder;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The webhook configurations the control plane keeps in the cluster: which writes the apiserver sends to the webhook,
 * where, and which CA it trusts. Pure builders, so what lands in the cluster is a golden test.
 */
public final class WebhookConfigurations {

    public static final String NAME = "kubeclaw-policy";
    /** A namespace with this label set to "disabled" is not checked: labelling namespaces is a cluster admin's right. */
    public static final String OPT_OUT_LABEL = ObjectLabels.ADMISSION;
    static final String VALIDATE_PATH = "/api/admission/validate";
    static final String MUTATE_PATH = "/api/admission/mutate";
    private static final int TIMEOUT_SECONDS = 10;

    /**
     * Where the apiserver reaches the webhook: a Service in the system namespace (in a cluster), or a URL (a
     * control plane outside the cluster, as in local development and the tests).
     */
    public record Target(URI url, String serviceNamespace, String serviceName, int servicePort) {

        public static Target url(URI url) {
            return new Target(url, null, null, 0);
        }

        public static Target service(String namespace, String name, int port) {
            return new Target(null, namespace, name, port);
        }

        /** The names a serving certificate must carry for the apiserver to accept it. */
        public Set<String> hosts() {
            if (url != null) {
                return Set.of(url.getHost());
            }
            Set<String> hosts = new LinkedHashSet<>();
            hosts.add(serviceName + "." + serviceNamespace + ".svc");
            hosts.add(serviceName + "." + serviceNamespace + ".svc.cluster.local");
            hosts.add(serviceName + "." + serviceNamespace);
            hosts.add(serviceName);
            return hosts;
        }

        WebhookClientConfig clientConfig(String path, String caBundle) {
            WebhookClientConfigBuilder config = new WebhookClientConfigBuilder().withCaBundle(caBundle);
            if (url != null) {
                return config.withUrl(url.resolve(path).toString()).build();
            }
            return config.withNewService().withNamespace(serviceNamespace).withName(serviceName).withPort(servicePort).withPath(path)
                    .endService().build();
        }
    }

    private WebhookConfigurations() {
    }

    /** {@code callerToken} ends the path: only who reads the configuration (the apiserver) knows where to call. */
    public static ValidatingWebhookConfiguration validating(Target target, String caBundle, String callerToken) {
        return new ValidatingWebhookConfigurationBuilder()
                .withNewMetadata().withName(NAME).addToLabels(ObjectLabels.MANAGED_BY, ObjectLabels.MANAGED_BY_KUBECLAW).endMetadata()
                .addNewWebhook()
                    .withName("policy.kubeclaw.io")
                    .withClientConfig(target.clientConfig(VALIDATE_PATH + "/" + callerToken, caBundle))
                    .withRules(rule(List.of("CREATE", "UPDATE"), List.of("agentruns", "clawinstances", "skillpacks", "clawschedules")))
                    .withNamespaceSelector(checkedNamespaces())
                    .withFailurePolicy("Fail")
                    .withMatchPolicy("Equivalent")
                    .withSideEffects("None")
                    .withAdmissionReviewVersions("v1")
                    .withTimeoutSeconds(TIMEOUT_SECONDS)
                .endWebhook()
                .build();
    }

    public static MutatingWebhookConfiguration mutating(Target target, String caBundle, String callerToken) {
        return new MutatingWebhookConfigurationBuilder()
                .withNewMetadata().withName(NAME).addToLabels(ObjectLabels.MANAGED_BY, ObjectLabels.MANAGED_BY_KUBECLAW).endMetadata()
                .addNewWebhook()
                    .withName("defaults.kubeclaw.io")
                    .withClientConfig(target.clientConfig(MUTATE_PATH + "/" + callerToken, caBundle))
                    .withRules(rule(List.of("CREATE"), List.of("agentruns")))
                    .withNamespaceSelector(checkedNamespaces())
                    .withFailurePolicy("Fail")
                    .withMatchPolicy("Equivalent")
                    .withSideEffects("None")
                    .withReinvocationPolicy("Never")
                    .withAdmissionReviewVersions("v1")
                    .withTimeoutSeconds(TIMEOUT_SECONDS)
                .endWebhook()
                .build();
    }

    private static RuleWithOperations rule(List<String> operations, List<String> resources) {
        return new RuleWithOperationsBuilder().withApiGroups(KubeClaw.GROUP).withApiVersions("*").withOperations(operations)
                .withResources(resources).withScope("Namespaced").build();
    }

    /** Every namespace but the control plane's own (whose objects it writes itself) and those a cluster admin opted out. */
    private static LabelSelector checkedNamespaces() {
        return new LabelSelectorBuilder()
                .addNewMatchExpression().withKey("kubernetes.io/metadata.name").withOperator("NotIn").withValues(KubeClaw.SYSTEM_NAMESPACE).endMatchExpression()
                .addNewMatchExpression().withKey(OPT_OUT_LABEL).withOperator("NotIn").withValues(ObjectLabels.ADMISSION_DISABLED).endMatchExpression()
                .build();
    }
}
