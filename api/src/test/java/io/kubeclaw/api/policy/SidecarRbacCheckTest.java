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
                Arguments.of(rule(List.of(""), List.of("users"), List.of("impersonate")), "grants \"impersonate\""));
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
