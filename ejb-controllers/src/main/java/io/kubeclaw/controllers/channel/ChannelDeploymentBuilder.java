package io.kubeclaw.controllers.channel;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.instance.ChannelSpec;
import io.kubeclaw.controllers.ownership.OwnedMetadata;
import io.kubeclaw.controllers.security.RestrictedSecurity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Deployment bridging one chat platform to an instance: one replica of the type's image, its
 * credentials from the channel's Secret (by reference), and labels the instance finds it by.
 */
public final class ChannelDeploymentBuilder {

    public static final String COMPONENT = ObjectLabels.COMPONENT;
    public static final String COMPONENT_CHANNEL = "channel";
    public static final String INSTANCE = ObjectLabels.INSTANCE;
    public static final String CHANNEL = ObjectLabels.CHANNEL;

    private ChannelDeploymentBuilder() {
    }

    public static Deployment desired(ClawInstance instance, ChannelSpec channel, ChannelSettings settings) {
        String type = channel.getType().name().toLowerCase(Locale.ROOT);
        Map<String, String> selector = selector(instance, type);
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put(COMPONENT, COMPONENT_CHANNEL);
        return new DeploymentBuilder()
                .withMetadata(OwnedMetadata.controlledBy(instance, name(instance, type), labels))
                .withNewSpec()
                    .withReplicas(1)
                    .withNewSelector().withMatchLabels(selector).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withEnableServiceLinks(false)
                            .withSecurityContext(RestrictedSecurity.pod())
                            .addNewContainer()
                                .withName(type)
                                .withImage(settings.image(channel.getType()))
                                .withEnv(new EnvVar("KUBECLAW_NAMESPACE", instance.getMetadata().getNamespace(), null),
                                        new EnvVar("KUBECLAW_INSTANCE", instance.getMetadata().getName(), null),
                                        new EnvVar("KUBECLAW_CHANNEL", type, null),
                                        new EnvVar("EVENT_BUS_URL", settings.eventBusUrl(), null))
                                .addNewEnvFrom().withNewSecretRef().withName(channel.getConfigSecretRef().getName()).withOptional(false).endSecretRef().endEnvFrom()
                                .withResources(new ResourceRequirementsBuilder()
                                        .withRequests(Map.of("cpu", new Quantity("20m"), "memory", new Quantity("64Mi")))
                                        .withLimits(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("256Mi")))
                                        .build())
                                .withSecurityContext(RestrictedSecurity.container())
                            .endContainer()
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    public static String name(ClawInstance instance, String type) {
        return instance.getMetadata().getName() + "-channel-" + type;
    }

    private static Map<String, String> selector(ClawInstance instance, String type) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(INSTANCE, instance.getMetadata().getName());
        selector.put(CHANNEL, type);
        return selector;
    }
}
