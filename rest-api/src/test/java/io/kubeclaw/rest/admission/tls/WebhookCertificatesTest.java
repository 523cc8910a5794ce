package io.kubeclaw.rest.admission.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookCertificatesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");
    private static final WebhookCertificates.Lifetimes LIFETIMES =
            new WebhookCertificates.Lifetimes(Duration.ofDays(1825), Duration.ofDays(365), Duration.ofDays(30));
    private static final Set<String> HOSTS = Set.of("kubeclaw-webhook.kubeclaw-system.svc", "127.0.0.1");

    @Test
    void theServingCertificateIsSignedByTheCaForEveryHost() throws Exception {
        WebhookCertificates issued = WebhookCertificates.issue(HOSTS, NOW, LIFETIMES);

        issued.serving().verify(issued.ca().getPublicKey());
        issued.serving().checkValidity(java.util.Date.from(NOW));
        assertThat(WebhookCertificates.hostsOf(issued.serving())).containsExactlyInAnyOrderElementsOf(HOSTS);
        assertThat(issued.ca().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(issued.serving().getBasicConstraints()).isEqualTo(-1);
        assertThat(issued.serving().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void renewalKeepsWhatIsFreshAndRenewsTheServingCertificateUnderTheSameCa() throws Exception {
        WebhookCertificates issued = WebhookCertificates.issue(HOSTS, NOW, LIFETIMES);

        assertThat(issued.renewed(HOSTS, NOW.plus(Duration.ofDays(300)), LIFETIMES)).isSameAs(issued);
        WebhookCertificates late = issued.renewed(HOSTS, NOW.plus(Duration.ofDays(340)), LIFETIMES);
        assertThat(late.serving()).isNotEqualTo(issued.serving());
        assertThat(late.caBundle()).containsExactly(issued.ca());
        late.serving().verify(issued.ca().getPublicKey());

        WebhookCertificates moved = issued.renewed(Set.of("kubeclaw-webhook.kubeclaw-system.svc", "10.0.0.7"), NOW, LIFETIMES);
        assertThat(WebhookCertificates.hostsOf(moved.serving())).contains("10.0.0.7");
    }

    @Test
    void aCaNearItsEndIsReplacedAndKeptInTheBundleUntilItExpires() throws Exception {
        WebhookCertificates issued = WebhookCertificates.issue(HOSTS, NOW, LIFETIMES);
        Instant nearCaEnd = NOW.plus(Duration.ofDays(1825 - 300));

        WebhookCertificates rolled = issued.renewed(HOSTS, nearCaEnd, LIFETIMES);

        assertThat(rolled.ca()).isNotEqualTo(issued.ca());
        assertThat(rolled.caBundle()).containsExactly(rolled.ca(), issued.ca());
        rolled.serving().verify(rolled.ca().getPublicKey());
    }

    @Test
    void theSecretRoundTripsAndASecretSomeoneElseManagesIsOnlyRead() {
        WebhookCertificates issued = WebhookCertificates.issue(HOSTS, NOW, LIFETIMES);
        Secret secret = WebhookSecret.build("kubeclaw-system", "kubeclaw-webhook-tls", issued);

        WebhookCertificates read = WebhookSecret.read(secret);
        assertThat(read.serving()).isEqualTo(issued.serving());
        assertThat(read.caBundle()).isEqualTo(issued.caBundle());
        assertThat(read.servingKey().getEncoded()).isEqualTo(issued.servingKey().getEncoded());
        assertThat(WebhookSecret.isManaged(secret)).isTrue();

        secret.getMetadata().getLabels().clear();
        secret.getData().remove("ca.key");
        assertThat(WebhookSecret.isManaged(secret)).isFalse();
        assertThat(WebhookSecret.read(secret).caKey()).isNull();
    }
}
