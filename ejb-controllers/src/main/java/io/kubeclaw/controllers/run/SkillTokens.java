package io.kubeclaw.controllers.run;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.controllers.ownership.OwnedObjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Each RBAC-bearing skill pack's token: a TokenRequest for the pack's own ServiceAccount, bound to the Secret that
 * holds it, so the token stops working the moment the run's grants are revoked (the Secret goes with them) and lives
 * at most as long as the run may. A projected token would be the pod's ServiceAccount's, which is why this is minted.
 */
final class SkillTokens {

    static final String KEY = "token";
    /** A token outlives the run's deadline by this much, so a slow finish still reports; never less than 10 minutes. */
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration LONGEST = Duration.ofHours(48);

    private final KubernetesClient client;

    SkillTokens(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the pack's token Secret and fills it, unless an earlier attempt did. */
    void ensure(AgentRun run, SkillPack pack, Duration runTimeout) {
        Secret secret = OwnedObjects.create(client, RunRbacBuilder.skillToken(run, pack), run.getMetadata().getUid());
        if (secret.getData() != null && secret.getData().containsKey(KEY)) {
            return;
        }
        String namespace = run.getMetadata().getNamespace();
        TokenRequest granted = client.serviceAccounts().inNamespace(namespace).withName(RunRbacBuilder.grantName(run, pack))
                .tokenRequest(new TokenRequestBuilder().withNewSpec()
                        .withExpirationSeconds(expirySeconds(runTimeout))
                        .withNewBoundObjectRef().withApiVersion("v1").withKind("Secret")
                        .withName(secret.getMetadata().getName()).withUid(secret.getMetadata().getUid()).endBoundObjectRef()
                        .endSpec().build());
        String token = Base64.getEncoder().encodeToString(granted.getStatus().getToken().getBytes(StandardCharsets.UTF_8));
        client.secrets().inNamespace(namespace).withName(secret.getMetadata().getName()).edit(current -> {
            current.setData(Map.of(KEY, token));
            return current;
        });
    }

    static long expirySeconds(Duration runTimeout) {
        Duration wanted = runTimeout.plus(GRACE);
        return Math.min(LONGEST.toSeconds(), Math.max(GRACE.toSeconds(), wanted.toSeconds()));
    }
}
