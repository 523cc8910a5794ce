package io.kubeclaw.api.policy;

import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.common.SandboxSpec;
import java.util.Optional;

/**
 * The sandbox a run asks for: each field its own when it sets it, else its instance's. The webhook checks this and the
 * Job is built from it, so the two cannot disagree (a run's {@code sandbox: {}} says nothing, and inherits).
 */
public final class RunSandbox {

    private RunSandbox() {
    }

    /** The merged request, or empty when neither the run nor its instance mentions a sandbox. */
    public static Optional<SandboxSpec> of(AgentRun run, ClawInstance instance) {
        SandboxSpec own = run.getSpec().getSandbox();
        SandboxSpec inherited = instance.getSpec().getAgents() == null ? null : instance.getSpec().getAgents().getSandbox();
        if (own == null && inherited == null) {
            return Optional.empty();
        }
        SandboxSpec merged = new SandboxSpec();
        merged.setEnabled(pick(own == null ? null : own.getEnabled(), inherited == null ? null : inherited.getEnabled()));
        merged.setImage(pick(own == null ? null : own.getImage(), inherited == null ? null : inherited.getImage()));
        merged.setResources(pick(own == null ? null : own.getResources(), inherited == null ? null : inherited.getResources()));
        return Optional.of(merged);
    }

    /** Whether the run gets a sandbox: asked for and not turned off, or required by a policy. */
    public static boolean enabled(Optional<SandboxSpec> requested, boolean required) {
        return required || requested.map(sandbox -> !Boolean.FALSE.equals(sandbox.getEnabled())).orElse(false);
    }

    private static <T> T pick(T own, T inherited) {
        return own != null ? own : inherited;
    }
}
