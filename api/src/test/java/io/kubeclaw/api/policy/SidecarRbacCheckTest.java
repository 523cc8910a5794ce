package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SidecarRbacCheckTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(rule(List.of(""), List.of("pods"), List.of("get", "list")), null),
                Arguments.of(rule(List.of("apps"), List.of("*"), List.of("*")), null),
                Arguments.of(rule(List.of(""), List.of("secrets"), List.of("get")), null),
                Arguments.of(rule(List.of(""), List.of("secrets"), List.of("*")), "uses a wildcard that reaches Secrets"),
                Arguments.of(rule(List.of(""), List.of("*"), List.of("get")), "uses a wildcard that reaches Secrets"),
                Arguments.of(rule(List.of("*"), List.of("*"), List.of("list")), "uses a wildcard that reaches Secrets"),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("roles"), List.of("escalate")), "grants \"escalate\""),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("rolebindings"), List.of("create", "bind")), "grants \"bind\""),
                Arguments.of(rule(List.of(""), List.of("users"), List.of("impersonate")), "grants \"impersonate\""),
                // What escalates indirectly: someone else's rights through exec, the kubelet, tokens, new pods, namespaces, admission.
                Arguments.of(rule(List.of(""), List.of("pods/exec"), List.of("create")), "grants \"create\" on pods/exec, which runs commands inside other pods"),
                Arguments.of(rule(List.of(""), List.of("pods/*"), List.of("get")), "grants \"get\" on pods/exec"),
                Arguments.of(rule(List.of(""), List.of("pods/log", "pods/status"), List.of("get")), null),
                Arguments.of(rule(List.of(""), List.of("*/attach"), List.of("create")), "on pods/attach"),
                Arguments.of(rule(List.of(""), List.of("nodes/proxy"), List.of("get")), "on nodes/proxy, which reaches the kubelet's API"),
                Arguments.of(rule(List.of(""), List.of("nodes"), List.of("get")), null),
                Arguments.of(rule(List.of(""), List.of("serviceaccounts/token"), List.of("create")), "mints tokens of other ServiceAccounts"),
                Arguments.of(rule(List.of(""), List.of("serviceaccounts"), List.of("get")), null),
                Arguments.of(rule(List.of(""), List.of("pods"), List.of("create")), "grants \"create\" on pods, which creates pods"),
                Arguments.of(rule(List.of(""), List.of("pods"), List.of("delete", "get")), null),
                Arguments.of(rule(List.of(""), List.of("namespaces"), List.of("patch")), "relabels namespaces"),
                Arguments.of(rule(List.of(""), List.of("namespaces"), List.of("get", "list")), null),
                Arguments.of(rule(List.of("admissionregistration.k8s.io"), List.of("validatingwebhookconfigurations"), List.of("delete")),
                        "on validatingwebhookconfigurations.admissionregistration.k8s.io, which changes the admission chain"),
                Arguments.of(rule(List.of("admissionregistration.k8s.io"), List.of("mutatingwebhookconfigurations"), List.of("list")), null),
                Arguments.of(rule(List.of("*"), List.of("pods"), List.of("*")), "grants \"*\" on pods, which creates pods"),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("*"), List.of("*")), "uses a wildcard verb on RBAC objects"),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("rolebindings"), List.of("*")), "uses a wildcard verb on RBAC objects"),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("*"), List.of("get", "create")), null),
                Arguments.of(rule(List.of("rbac.authorization.k8s.io"), List.of("roles"), List.of("get", "list")), null));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void refusesEscalationAndSecretWildcardsInEitherScope(PolicyRule rule, String problem) {
        SidecarSpec namespaced = new SidecarSpec();
        namespaced.setRbac(List.of(rule));
        SidecarSpec clusterWide = new SidecarSpec();
        clusterWide.setClusterRBAC(List.of(rule));

        if (problem == null) {
            assertThat(SidecarRbacCheck.problem(namespaced)).isEmpty();
            assertThat(SidecarRbacCheck.problem(clusterWide)).isEmpty();
        } else {
            assertThat(SidecarRbacCheck.problem(namespaced)).get().asString().startsWith("spec.sidecar.rbac rule {").contains(problem);
            assertThat(SidecarRbacCheck.problem(clusterWide)).get().asString().startsWith("spec.sidecar.clusterRBAC rule {").contains(problem);
        }
    }

    private static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
        return new PolicyRuleBuilder().withApiGroups(groups).withResources(resources).withVerbs(verbs).build();
    }
}
