package io.kubeclaw.api.policy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubeclaw.api.v1alpha1.ClawPolicy;
import io.kubeclaw.api.v1alpha1.ClawPolicySpec;
import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.api.v1alpha1.policy.RbacCeiling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which ClawPolicies govern a ClawInstance. The cluster admin decides, not the tenant: first the policy the instance's
 * namespace is bound to (the Namespace's label {@value #NAMESPACE_LABEL} names a ClawPolicy in the control plane's
 * namespace, and tenants can neither label namespaces nor write there), else that namespace's ClawPolicy
 * {@value #DEFAULT_POLICY}, else {@link #builtInDefault()}. Then the instance's own {@code spec.policyRef}, which can
 * only narrow: every rule of every applicable policy holds. The webhook and the controllers both ask here.
 */
public final class PolicyBinding {

    public static final String NAMESPACE_LABEL = "kubeclaw.io/policy";
    public static final String DEFAULT_POLICY = "default";
    public static final String BUILT_IN_NAME = "built-in-default";

    /** Finds a ClawPolicy by name (in the control plane's namespace, or in the instance's). */
    public interface Lookup extends Function<String, Optional<ClawPolicy>> {
    }

    /** The admin's policy then the instance's own, or why one that is named cannot be found. */
    public record Applicable(List<ClawPolicy> policies, Optional<String> missing) {

        public Applicable {
            policies = List.copyOf(policies);
        }

        static Applicable missing(String why) {
            return new Applicable(List.of(), Optional.of(why));
        }
    }

    private PolicyBinding() {
    }

    public static Applicable of(String namespace, Map<String, String> namespaceLabels, String policyRef, Lookup system, Lookup local) {
        List<ClawPolicy> policies = new ArrayList<>();
        String bound = namespaceLabels == null ? null : namespaceLabels.get(NAMESPACE_LABEL);
        if (bound != null && !bound.isBlank()) {
            Optional<ClawPolicy> admin = system.apply(bound);
            if (admin.isEmpty()) {
                return Applicable.missing("namespace \"" + namespace + "\" is bound to ClawPolicy \"" + bound + "\" in namespace \""
                        + KubeClaw.SYSTEM_NAMESPACE + "\" (label " + NAMESPACE_LABEL + "), which does not exist: a cluster admin must create it or change the label");
            }
            policies.add(admin.get());
        } else {
            policies.add(system.apply(DEFAULT_POLICY).orElseGet(PolicyBinding::builtInDefault));
        }
        if (policyRef != null && !policyRef.isBlank()) {
            Optional<ClawPolicy> own = local.apply(policyRef);
            if (own.isEmpty()) {
                return Applicable.missing("ClawPolicy \"" + policyRef + "\" not found in namespace \"" + namespace
                        + "\": create it there, or change or remove spec.policyRef");
            }
            policies.add(own.get());
        }
        return new Applicable(policies, Optional.empty());
    }

    /**
     * What governs a namespace a cluster admin has not bound: skill sidecars get no Kubernetes permission at all;
     * the rest is as the schema defaults it. An admin grants more by binding the namespace to a policy.
     */
    public static ClawPolicy builtInDefault() {
        RbacCeiling none = new RbacCeiling();
        none.setRules(List.of());
        none.setClusterRules(List.of());
        ClawPolicySpec spec = new ClawPolicySpec();
        spec.setRbacCeiling(none);
        ClawPolicy policy = new ClawPolicy();
        policy.setMetadata(new ObjectMetaBuilder().withName(BUILT_IN_NAME).withNamespace(KubeClaw.SYSTEM_NAMESPACE).build());
        policy.setSpec(spec);
        return policy;
    }

    /** How a policy is named in messages: {@code ClawPolicy "strict"}, and where the built-in one comes from. */
    public static String describe(ClawPolicy policy) {
        String name = policy.getMetadata().getName();
        if (BUILT_IN_NAME.equals(name) && KubeClaw.SYSTEM_NAMESPACE.equals(policy.getMetadata().getNamespace())) {
            return "the built-in default policy (the namespace is bound to no ClawPolicy: a cluster admin binds one with the label "
                    + NAMESPACE_LABEL + ")";
        }
        boolean admins = KubeClaw.SYSTEM_NAMESPACE.equals(policy.getMetadata().getNamespace());
        return "ClawPolicy \"" + name + "\"" + (admins ? " (the namespace's, in " + KubeClaw.SYSTEM_NAMESPACE + ")" : "");
    }
}
