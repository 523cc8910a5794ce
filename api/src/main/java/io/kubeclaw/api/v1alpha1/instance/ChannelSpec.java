package io.kubeclaw.api.v1alpha1.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.kubeclaw.api.v1alpha1.common.ChannelType;
import io.kubeclaw.api.v1alpha1.common.SecretRef;

/** One chat platform an instance listens and answers on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChannelSpec {

    @Required
    @JsonPropertyDescription("Chat platform: telegram, slack, discord or whatsapp. Each type may appear once per instance.")
    private ChannelType type;

    @Required
    @JsonPropertyDescription("Secret with the channel's credentials and settings (e.g. a bot token), in the same namespace.")
    private SecretRef configSecretRef;

    @JsonPropertyDescription("Restricts which senders and chats the instance answers.")
    private AccessControl accessControl;

    public ChannelType getType() {
        return type;
    }

    public void setType(ChannelType type) {
        this.type = type;
    }

    public SecretRef getConfigSecretRef() {
        return configSecretRef;
    }

    public void setConfigSecretRef(SecretRef configSecretRef) {
        this.configSecretRef = configSecretRef;
    }

    public AccessControl getAccessControl() {
        return accessControl;
    }

    public void setAccessControl(AccessControl accessControl) {
        this.accessControl = accessControl;
    }
}
