package io.kubeclaw.controllers.channel;

import io.kubeclaw.api.v1alpha1.common.ChannelType;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** The image of each channel type's bridge and where the bridges reach the event bus. */
public record ChannelSettings(Map<ChannelType, String> images, String eventBusUrl) {

    public ChannelSettings {
        images = Map.copyOf(images);
    }

    /** From {@code kubeclaw.channel.image.<type>} and {@code kubeclaw.event-bus.url}, defaulting to the released images. */
    public static ChannelSettings from(Config config, String eventBusUrl) {
        Map<ChannelType, String> images = new EnumMap<>(ChannelType.class);
        for (ChannelType type : ChannelType.values()) {
            String name = type.name().toLowerCase(Locale.ROOT);
            images.put(type, config.getOptionalValue("kubeclaw.channel.image." + name, String.class).orElse("kubeclaw/channel-" + name + ":0.1.0"));
        }
        return new ChannelSettings(images, eventBusUrl);
    }

    public String image(ChannelType type) {
        return images.get(type);
    }
}
