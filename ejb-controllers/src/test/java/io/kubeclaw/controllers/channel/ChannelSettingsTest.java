package io.kubeclaw.controllers.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclaw.api.v1alpha1.common.ChannelType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelSettingsTest {

    private static final String BUS = "nats://nats.kubeclaw-system:4222";

    @ParameterizedTest
    @CsvSource({
            "TELEGRAM, kubeclaw/channel-telegram:0.1.0",
            "SLACK,    kubeclaw/channel-slack:0.1.0",
            "DISCORD,  kubeclaw/channel-discord:0.1.0",
            "WHATSAPP, kubeclaw/channel-whatsapp:0.1.0"})
    void defaultsToTheReleasedImageOfEachType(ChannelType type, String image) {
        ChannelSettings settings = ChannelSettings.from(new MapConfig(Map.of()), BUS);

        assertThat(settings.image(type)).isEqualTo(image);
        assertThat(settings.eventBusUrl()).isEqualTo(BUS);
    }

    @Test
    void aConfiguredImageReplacesOnlyItsTypesDefault() {
        ChannelSettings settings = ChannelSettings.from(new MapConfig(Map.of("kubeclaw.channel.image.slack", "registry.example/slack:7")), BUS);

        assertThat(settings.images()).containsOnly(
                Map.entry(ChannelType.TELEGRAM, "kubeclaw/channel-telegram:0.1.0"),
                Map.entry(ChannelType.SLACK, "registry.example/slack:7"),
                Map.entry(ChannelType.DISCORD, "kubeclaw/channel-discord:0.1.0"),
                Map.entry(ChannelType.WHATSAPP, "kubeclaw/channel-whatsapp:0.1.0"));
    }

    @Test
    void keepsItsOwnCopyOfTheImages() {
        Map<ChannelType, String> images = new EnumMap<>(ChannelType.class);
        images.put(ChannelType.TELEGRAM, "registry.example/telegram:1");
        ChannelSettings settings = new ChannelSettings(images, BUS);

        images.put(ChannelType.TELEGRAM, "registry.example/telegram:2");

        assertThat(settings.image(ChannelType.TELEGRAM)).isEqualTo("registry.example/telegram:1");
    }

    /** Just enough MicroProfile Config for {@link ChannelSettings#from}: no implementation is on the test classpath. */
    private record MapConfig(Map<String, String> values) implements Config {

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
