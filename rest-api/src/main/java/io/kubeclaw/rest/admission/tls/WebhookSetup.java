package io.kubeclaw.rest.admission.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.rest.admission.tls.WebhookConfigurations.Target;
import io.kubeclaw.rest.problem.RootCause;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the admission webhook servable and registered, on every replica: the certificates in their Secret (issued,
 * and renewed before expiry, unless cert-manager owns the Secret), this server's keystore file in step with the
 * Secret, and the webhook configurations pointing here with the current caBundle. Replicas race safely: the Secret is
 * created and updated with optimistic concurrency, the configurations are server-side applied with identical content.
 */
@ApplicationScoped
public class WebhookSetup {

    private static final Logger LOG = Logger.getLogger(WebhookSetup.class.getName());
    private static final String FIELD_MANAGER = "kubeclaw-webhook";
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private WebhookSettings settings;

    private volatile String problem = "the webhook is still being set up";
    /** The path token the webhook configurations carry now, and the one before (replicas learn of a rotation in turn). */
    private volatile String callerToken;
    private volatile String previousCallerToken;

    void start(@Observes Startup startup) {
        settings = WebhookSettings.from(ConfigProvider.getConfig());
        if (!settings.enabled()) {
            problem = null;
            LOG.info("admission webhook disabled (kubeclaw.webhook.enabled=false): ClawPolicy is enforced by the controllers only");
            return;
        }
        scheduler.execute(this::ensure);
    }

    /** Whether a call's path token is the one the apiserver was given (or the one before it, during a rotation). */
    public boolean fromApiserver(String token) {
        return WebhookCallerToken.matches(callerToken, token) || WebhookCallerToken.matches(previousCallerToken, token);
    }

    /** Why the webhook cannot serve yet, or empty when it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void ensure() {
        Duration next = settings.checkInterval();
        try {
            Target target = settings.target();
            String token = WebhookCallerToken.ensure(client, KubeClaw.SYSTEM_NAMESPACE);
            if (!token.equals(callerToken)) {
                previousCallerToken = callerToken;
                callerToken = token;
            }
            WebhookCertificates certificates = ensureSecret(target);
            String caBundle = WebhookSecret.caBundle(certificates);
            WebhookKeyStore keyStore = new WebhookKeyStore(settings.keyStoreDirectory(), settings.keyStorePassword());
            if (keyStore.written()) {
                // Trust first, then serve: a renewed CA's bundle still holds the old CA, so no call meets a certificate
                // the apiserver does not trust yet.
                register(target, caBundle, token);
            }
            if (keyStore.write(certificates)) {
                LOG.info(() -> "admission webhook serves a certificate for " + WebhookCertificates.hostsOf(certificates.serving()) + " valid until "
                        + certificates.serving().getNotAfter().toInstant());
            }
            // The first registration waits until Liberty serves the certificate, so the apiserver never meets none.
            ServedCertificate.await(settings.httpsPort(), certificates, SERVED_WITHIN);
            register(target, caBundle, token);
            problem = null;
        } catch (Exception e) {
            problem = "the admission webhook could not be set up (" + RootCause.message(e) + "); retrying every " + RETRY.toSeconds() + " s";
            LOG.log(Level.WARNING, problem, e);
            next = RETRY;
        }
        scheduler.schedule(this::ensure, next.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void register(Target target, String caBundle, String token) {
        client.resource(WebhookConfigurations.validating(target, caBundle, token)).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        client.resource(WebhookConfigurations.mutating(target, caBundle, token)).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }

    private WebhookCertificates ensureSecret(Target target) {
        var secrets = client.secrets().inNamespace(KubeClaw.SYSTEM_NAMESPACE);
        String secretName = settings.secretName();
        Secret existing = secrets.withName(secretName).get();
        WebhookCertificates.Lifetimes lifetimes = settings.lifetimes();
        if (existing == null) {
            WebhookCertificates issued = WebhookCertificates.issue(target.hosts(), Clock.systemUTC().instant(), lifetimes);
            try {
                secrets.resource(WebhookSecret.build(KubeClaw.SYSTEM_NAMESPACE, secretName, issued)).create();
                LOG.info(() -> "issued the admission webhook's CA and certificate into Secret " + KubeClaw.SYSTEM_NAMESPACE + "/" + secretName);
                return issued;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                // Another replica created it first: serve theirs.
                return WebhookSecret.read(secrets.withName(secretName).get());
            }
        }
        WebhookCertificates current = WebhookSecret.read(existing);
        if (!WebhookSecret.isManaged(existing)) {
            return current;
        }
        WebhookCertificates renewed = current.renewed(target.hosts(), Clock.systemUTC().instant(), lifetimes);
        if (renewed == current) {
            return current;
        }
        Secret replacement = WebhookSecret.build(KubeClaw.SYSTEM_NAMESPACE, secretName, renewed);
        replacement.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        // A 409 here means another replica renewed first; the next check serves its certificates.
        secrets.resource(replacement).update();
        LOG.info(() -> "renewed the admission webhook's certificate in Secret " + KubeClaw.SYSTEM_NAMESPACE + "/" + secretName);
        return renewed;
    }
}
