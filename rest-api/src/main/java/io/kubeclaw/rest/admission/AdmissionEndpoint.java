package io.kubeclaw.rest.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawSchedule;
import io.kubeclaw.api.v1alpha1.SkillPack;
import io.kubeclaw.rest.admission.tls.WebhookSetup;
import io.kubeclaw.rest.problem.ProblemException;
import io.kubeclaw.rest.problem.RootCause;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admission webhook the apiserver calls for AgentRuns, ClawInstances, SkillPacks and ClawSchedules. It answers
 * only over TLS and only at the path the webhook configurations give the apiserver (its last segment is a secret, see
 * {@code WebhookCallerToken}); one review makes at most {@link CheckBudget#MAX_CHECKS} permission checks; it never fails
 * open: when it cannot check, it denies saying why, and the webhook configuration's failurePolicy is Fail.
 */
@Path(AdmissionEndpoint.PATH)
@RequestScoped
@Tag(name = "admission", description = "Called by the Kubernetes API server, not by users")
public class AdmissionEndpoint {

    public static final String PATH = "admission";
    private static final Logger LOG = Logger.getLogger(AdmissionEndpoint.class.getName());

    @Inject
    KubernetesClusterView cluster;
    @Inject
    AdmissionDecisions decisions;
    @Inject
    WebhookSetup setup;
    @Context
    SecurityContext channel;

    @POST
    @Path("validate/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validating webhook: enforces the ClawPolicy bound to the object's instance")
    public Map<String, Object> validate(@PathParam("token") String token, JsonNode review) {
        return answer(token, review, "validate", call -> {
            PolicyAdmission rules = new PolicyAdmission(new CheckBudget(cluster));
            return switch (call.resource()) {
                case "agentruns" -> rules.validate(call.object(AgentRun.class), call.user(), call.oldObject(AgentRun.class));
                case "clawinstances" -> rules.validate(call.object(ClawInstance.class), call.user(), call.oldObject(ClawInstance.class));
                case "skillpacks" -> rules.validate(call.object(SkillPack.class), call.user(), call.oldObject(SkillPack.class));
                case "clawschedules" -> rules.validate(call.object(ClawSchedule.class), call.user());
                default -> Verdict.deny("the KubeClaw webhook does not check " + call.resource() + ": remove them from the webhook configuration's rules");
            };
        });
    }

    @POST
    @Path("mutate/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mutating webhook: sets defaults from the ClawPolicy (a required sandbox)")
    public Map<String, Object> mutate(@PathParam("token") String token, JsonNode review) {
        return answer(token, review, "mutate", call -> "agentruns".equals(call.resource())
                ? new PolicyAdmission(cluster).defaults(call.object(AgentRun.class), call.user())
                : Verdict.allow());
    }

    private Map<String, Object> answer(String token, JsonNode review, String hook, Function<AdmissionCall, Verdict> rules) {
        if (!channel.isSecure()) {
            // Plain HTTP is the API's port; the webhook is served only on the TLS port the apiserver trusts.
            throw new ProblemException(404, "Not Found", "the admission webhook answers only over HTTPS, on the webhook port");
        }
        if (!setup.fromApiserver(token)) {
            // Whoever is not the apiserver learns nothing: the same 404 as for a path that does not exist.
            throw new NotFoundException();
        }
        AdmissionCall call;
        try {
            call = AdmissionCall.of(review);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Bad Request", e.getMessage());
        }
        Verdict verdict;
        try {
            verdict = call.object() == null || unchangedSpec(call) ? Verdict.allow() : rules.apply(call);
        } catch (IllegalArgumentException e) {
            verdict = Verdict.deny(e.getMessage());
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "admission check of " + call.resource() + " could not read the cluster", e);
            verdict = Verdict.deny("the KubeClaw admission webhook could not check the ClawPolicy (" + RootCause.message(e)
                    + "); nothing was changed: try again, and if it persists check the control plane's logs");
        }
        decisions.record(hook, call.resource(), verdict);
        return call.answer(verdict);
    }

    /**
     * An update that leaves the spec alone (labels, finalizers, annotations) is not checked again: the controllers
     * write such updates, and a policy tightened since must not stop them from finishing what runs already.
     */
    private static boolean unchangedSpec(AdmissionCall call) {
        return "UPDATE".equals(call.operation()) && call.oldObject() != null && call.object().path("spec").equals(call.oldObject().path("spec"))
                && createdBy(call.object()).equals(createdBy(call.oldObject()));
    }

    /** The run's creator annotation, which an update must leave alone; checked even when the spec is unchanged. */
    private static JsonNode createdBy(JsonNode object) {
        return object.path("metadata").path("annotations").path(ObjectLabels.CREATED_BY);
    }
}
