package io.kubeclaw.controllers.instance;

import io.kubeclaw.api.policy.PolicyBinding;
import io.kubeclaw.api.v1alpha1.ClawInstance;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.controllers.status.Reasons;
import java.util.Optional;

/** Whether a ClawInstance's policy reference holds, with the reason and message to report. */
record PolicyResolution(boolean accepted, String reason, String message) {

    static PolicyResolution of(ClawInstance instance, Optional<ClawPolicy> found) {
        String ref = instance.getSpec() == null ? null : instance.getSpec().getPolicyRef();
        String namespace = instance.getMetadata().getNamespace();
        if (ref == null || ref.isBlank()) {
            return new PolicyResolution(true, Reasons.ACCEPTED, "accepted without a ClawPolicy of its own: the policy a cluster admin bound to "
                    + "the namespace applies (label " + PolicyBinding.NAMESPACE_LABEL + "), else kubeclaw-system's \"" + PolicyBinding.DEFAULT_POLICY
                    + "\", else the built-in default");
        }
        if (found.isEmpty()) {
            return new PolicyResolution(false, Reasons.POLICY_NOT_FOUND, "ClawPolicy \"" + ref + "\" not found in namespace \""
                    + namespace + "\": create it there, or change or remove spec.policyRef");
        }
        return new PolicyResolution(true, Reasons.ACCEPTED, "accepted under ClawPolicy \"" + ref + "\"");
    }
}
