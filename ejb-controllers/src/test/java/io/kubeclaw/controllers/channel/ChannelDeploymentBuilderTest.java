package io.kubeclaw.controllers.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.instance.ChannelSpec;
import io.kubeclaw.testsupport.fixtures.ClawInstanceFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelDeploymentBuilderTest {

    private static final ChannelSettings SETTINGS = new ChannelSettings(Map.of(
            ChannelType.TELEGRAM, "registry.example/telegram:2",
            ChannelType.SLACK, "registry.example/slack:3",
            ChannelType.DISCORD, "registry.example/discord:4",
            ChannelType.WHATSAPP, "registry.example/whatsapp:5"),
            "nats://nats.kubeclaw-system:4222");

    private static ClawInstance instance() {
        ClawInstance instance = ClawInstanceFixture.instance("assistant").inNamespace("team")
                .withChannel(ChannelType.TELEGRAM, "telegram-bot")
                .withChannel(ChannelType.SLACK, "slack-app")
                .withChannel(ChannelType.DISCORD, "discord-bot")
                .withChannel(ChannelType.WHATSAPP, "whatsapp-business")
                .build();
        instance.getMetadata().setUid("instance-uid");
        return instance;
    }

    private static Deployment desired(ChannelType type) {
        ClawInstance instance = instance();
        ChannelSpec channel = instance.getSpec().getChannels().stream().filter(c -> c.getType() == type).findFirst().orElseThrow();
        return ChannelDeploymentBuilder.desired(instance, channel, SETTINGS);
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static Container container(Deployment deployment) {
        assertThat(pod(deployment).getContainers()).hasSize(1);
        return pod(deployment).getContainers().getFirst();
    }

    @ParameterizedTest
    @CsvSource({
            "TELEGRAM, telegram, registry.example/telegram:2, telegram-bot",
            "SLACK,    slack,    registry.example/slack:3,    slack-app",
            "DISCORD,  discord,  registry.example/discord:4,  discord-bot",
            "WHATSAPP, whatsapp, registry.example/whatsapp:5, whatsapp-business"})
    void oneDeploymentPerChannelTypeRunningItsImageWithItsSecret(ChannelType type, String name, String image, String secret) {
        Deployment deployment = desired(type);

        assertThat(deployment.getMetadata().getName()).isEqualTo("assistant-channel-" + name);
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(container(deployment).getName()).isEqualTo(name);
        assertThat(container(deployment).getImage()).isEqualTo(image);
        assertThat(container(deployment).getEnvFrom()).singleElement().satisfies(from -> {
            assertThat(from.getConfigMapRef()).isNull();
            assertThat(from.getSecretRef().getName()).isEqualTo(secret);
            assertThat(from.getSecretRef().getOptional()).isFalse();
        });
        assertThat(container(deployment).getEnv()).containsExactly(
                new EnvVar("KUBECLAW_NAMESPACE", "team", null),
                new EnvVar("KUBECLAW_INSTANCE", "assistant", null),
                new EnvVar("KUBECLAW_CHANNEL", name, null),
                new EnvVar("EVENT_BUS_URL", "nats://nats.kubeclaw-system:4222", null));
    }

    @Test
    void ownedAndControlledByTheInstance() {
        Deployment deployment = desired(ChannelType.TELEGRAM);

        assertThat(deployment.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getApiVersion()).isEqualTo("kubeclaw.io/v1alpha1");
            assertThat(owner.getKind()).isEqualTo("ClawInstance");
            assertThat(owner.getName()).isEqualTo("assistant");
            assertThat(owner.getUid()).isEqualTo("instance-uid");
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
    }

    @Test
    void labelledSoTheInstanceFindsItAndSelectingOnlyItsOwnPods() {
        Deployment deployment = desired(ChannelType.SLACK);

        assertThat(deployment.getMetadata().getLabels()).containsOnly(
                entry("app.kubernetes.io/managed-by", "kubeclaw"),
                entry(ChannelDeploymentBuilder.INSTANCE, "assistant"),
                entry(ChannelDeploymentBuilder.CHANNEL, "slack"),
                entry(ChannelDeploymentBuilder.COMPONENT, "channel"));
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsOnly(
                entry("kubeclaw.io/instance", "assistant"),
                entry("kubeclaw.io/channel", "slack"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsOnly(
                entry("kubeclaw.io/instance", "assistant"),
                entry("kubeclaw.io/channel", "slack"),
                entry("app.kubernetes.io/component", "channel"));
    }

    @Test
    void runsRestrictedWithoutAnApiToken() {
        Deployment deployment = desired(ChannelType.DISCORD);

        assertThat(pod(deployment).getAutomountServiceAccountToken()).isFalse();
        assertThat(pod(deployment).getEnableServiceLinks()).isFalse();
        assertThat(pod(deployment).getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod(deployment).getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var security = container(deployment).getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser()).isEqualTo(1000L);
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    }

    @Test
    void asksForSmallBoundedResources() {
        var resources = container(desired(ChannelType.WHATSAPP)).getResources();

        assertThat(resources.getRequests()).containsOnly(entry("cpu", new Quantity("20m")), entry("memory", new Quantity("64Mi")));
        assertThat(resources.getLimits()).containsOnly(entry("cpu", new Quantity("200m")), entry("memory", new Quantity("256Mi")));
    }
}
