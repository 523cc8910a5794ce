package io.kubeclaw.rest.admission.tls;

import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.rest.admission.tls.WebhookConfigurations.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How the webhook is served and registered, from MicroProfile Config (so from environment variables too:
 * {@code kubeclaw.webhook.url} is {@code KUBECLAW_WEBHOOK_URL}); docs/admission.md lists them.
 *
 * @param keyStoreDirectory relative to the server's output directory (Liberty's working directory), where server.xml
 *                          includes webhook-tls.xml from
 * @param httpsPort         Liberty's HTTPS port (HTTPS_PORT), where the webhook is served
 */
public record WebhookSettings(boolean enabled, Target target, String secretName, Path keyStoreDirectory, String keyStorePassword,
                              int httpsPort, Duration checkInterval, WebhookCertificates.Lifetimes lifetimes) {

    public static WebhookSettings from(Config config) {
        return new WebhookSettings(
                config.getOptionalValue("kubeclaw.webhook.enabled", Boolean.class).orElse(true),
                config.getOptionalValue("kubeclaw.webhook.url", String.class).map(url -> Target.url(URI.create(url)))
                        .orElseGet(() -> Target.service(KubeClaw.SYSTEM_NAMESPACE,
                                config.getOptionalValue("kubeclaw.webhook.service", String.class).orElse("kubeclaw-webhook"), 443)),
                config.getOptionalValue("kubeclaw.webhook.secret", String.class).orElse("kubeclaw-webhook-tls"),
                Path.of(config.getOptionalValue("kubeclaw.webhook.keystore-directory", String.class).orElse("resources/security")),
                config.getOptionalValue("kubeclaw.webhook.keystore.password", String.class).orElse("kubeclaw-webhook"),
                config.getOptionalValue("https.port", Integer.class).orElse(9443),
                duration(config, "kubeclaw.webhook.check-interval", Duration.ofMinutes(1)),
                new WebhookCertificates.Lifetimes(
                        duration(config, "kubeclaw.webhook.ca-lifetime", Duration.ofDays(5 * 365)),
                        duration(config, "kubeclaw.webhook.certificate-lifetime", Duration.ofDays(365)),
                        duration(config, "kubeclaw.webhook.renew-before", Duration.ofDays(30))));
    }

    private static Duration duration(Config config, String key, Duration fallback) {
        return config.getOptionalValue(key, String.class).map(Duration::parse).orElse(fallback);
    }
}
