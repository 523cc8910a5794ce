package io.kubeclaw.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.kubeclaw.api.v1alpha1.policy.RbacCeiling;
import io.kubeclaw.api.v1alpha1.skillpack.SidecarSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RbacCeilingCheckTest {

    private static final PolicyRule GET_PODS = rule().withApiGroups("").withResources("pods").withVerbs("get").build();

    static Stream<Arguments> coverage() {
        return Stream.of(
                Arguments.of("exact rule",
                        rule().withApiGroups("").withResources("pods").withVerbs("get", "list").build(),
                        List.of(rule().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").build()), null),
                Arguments.of("wildcard ceiling",
                        rule().withApiGroups("apps").withResources("deployments").withVerbs("delete").build(),
                        List.of(rule().withApiGroups("*").withResources("*").withVerbs("*").build()), null),
                Arguments.of("grants split over ceiling rules",
                        rule().withApiGroups("").withResources("pods", "configmaps").withVerbs("get").build(),
                        List.of(GET_PODS, rule().withApiGroups("").withResources("configmaps").withVerbs("get").build()), null),
                Arguments.of("missing verb",
                        rule().withApiGroups("apps").withResources("deployments").withVerbs("get", "delete").build(),
                        List.of(rule().withApiGroups("apps").withResources("deployments").withVerbs("get", "list").build()),
                        "verb \"delete\" on apps/deployments"),
                Arguments.of("missing group",
                        rule().withApiGroups("batch").withResources("jobs").withVerbs("get").build(),
                        List.of(rule().withApiGroups("apps").withResources("jobs").withVerbs("get").build()),
                        "verb \"get\" on batch/jobs"),
                Arguments.of("missing resource in the core group",
                        rule().withApiGroups("").withResources("configmaps").withVerbs("get").build(),
                        List.of(GET_PODS),
                        "verb \"get\" on configmaps"),
                Arguments.of("named request within named ceiling",
                        rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config", "flags").withVerbs("get").build()),
                        null),
                Arguments.of("named request within unnamed ceiling",
                        rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("configmaps").withVerbs("get").build()), null),
                Arguments.of("name beyond named ceiling",
                        rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config", "db").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config").withVerbs("get").build()),
                        "verb \"get\" on configmaps named \"db\""),
                Arguments.of("unnamed request beyond named ceiling",
                        rule().withApiGroups("").withResources("configmaps").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("configmaps").withResourceNames("app-config").withVerbs("get").build()),
                        "verb \"get\" on configmaps"),
                Arguments.of("subresource by its name",
                        rule().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("pods/log").withVerbs("get").build()), null),
                Arguments.of("subresource by */log",
                        rule().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("*/log").withVerbs("get").build()), null),
                Arguments.of("subresource by *",
                        rule().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("*").withVerbs("get").build()), null),
                Arguments.of("subresource not by its parent",
                        rule().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        List.of(GET_PODS), "verb \"get\" on pods/log"),
                Arguments.of("subresource not by pods/*",
                        rule().withApiGroups("").withResources("pods/log").withVerbs("get").build(),
                        List.of(rule().withApiGroups("").withResources("pods/*").withVerbs("get").build()), "verb \"get\" on pods/log"),
                Arguments.of("URL exactly",
                        rule().withNonResourceURLs("/metrics").withVerbs("get").build(),
                        List.of(rule().withNonResourceURLs("/metrics").withVerbs("get").build()), null),
                Arguments.of("URL by prefix",
                        rule().withNonResourceURLs("/healthz/ready").withVerbs("get").build(),
                        List.of(rule().withNonResourceURLs("/healthz/*").withVerbs("get").build()), null),
                Arguments.of("URL beyond prefix",
                        rule().withNonResourceURLs("/healthz").withVerbs("get").build(),
                        List.of(rule().withNonResourceURLs("/healthz/*").withVerbs("get").build()),
                        "verb \"get\" on non-resource URL \"/healthz\""),
                Arguments.of("URL not by a resource wildcard",
                        rule().withNonResourceURLs("/metrics").withVerbs("get").build(),
                        List.of(rule().withApiGroups("*").withResources("*").withVerbs("*").build()),
                        "verb \"get\" on non-resource URL \"/metrics\""),
                Arguments.of("resource not by a URL wildcard",
                        GET_PODS,
                        List.of(rule().withNonResourceURLs("*").withVerbs("*").build()), "verb \"get\" on pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coverage")
    void requestedGrantsMustEachBeCoveredInEitherScope(String name, PolicyRule requested, List<PolicyRule> ceilingRules, String uncovered) {
        RbacCeiling namespacedCeiling = new RbacCeiling();
        namespacedCeiling.setRules(ceilingRules);
        RbacCeiling clusterCeiling = new RbacCeiling();
        clusterCeiling.setClusterRules(ceilingRules);

        if (uncovered == null) {
            assertThat(RbacCeilingCheck.problem(namespaced(requested), namespacedCeiling)).isEmpty();
            assertThat(RbacCeilingCheck.problem(clusterWide(requested), clusterCeiling)).isEmpty();
        } else {
            assertThat(RbacCeilingCheck.problem(namespaced(requested), namespacedCeiling)).get().asString()
                    .startsWith("spec.sidecar.rbac rule {")
                    .endsWith(" exceeds ClawPolicy rbacCeiling.rules: " + uncovered + " is not allowed");
            assertThat(RbacCeilingCheck.problem(clusterWide(requested), clusterCeiling)).get().asString()
                    .startsWith("spec.sidecar.clusterRBAC rule {")
                    .endsWith(" exceeds ClawPolicy rbacCeiling.clusterRules: " + uncovered + " is not allowed");
        }
    }

    @Test
    void namesTheFirstUncoveredRuleAsWritten() {
        SidecarSpec sidecar = clusterWide(
                rule().withApiGroups("apps").withResources("deployments").withVerbs("get").build(),
                rule().withApiGroups("apps").withResources("deployments").withVerbs("delete").build());
        RbacCeiling ceiling = new RbacCeiling();
        ceiling.setClusterRules(List.of(rule().withApiGroups("apps").withResources("deployments").withVerbs("get", "list").build()));

        assertThat(RbacCeilingCheck.problem(sidecar, ceiling)).contains(
                "spec.sidecar.clusterRBAC rule {apiGroups: [\"apps\"], resources: [\"deployments\"], verbs: [\"delete\"]}"
                        + " exceeds ClawPolicy rbacCeiling.clusterRules: verb \"delete\" on apps/deployments is not allowed");
    }

    @Test
    void describesOnlyTheListsTheRuleSets() {
        PolicyRule metrics = rule().withNonResourceURLs("/metrics").withVerbs("get").build();
        PolicyRule named = rule().withApiGroups("").withResources("configmaps").withResourceNames("flags").withVerbs("get").build();

        assertThat(RbacCeilingCheck.problem(clusterWide(metrics), new RbacCeiling())).get().asString()
                .startsWith("spec.sidecar.clusterRBAC rule {nonResourceURLs: [\"/metrics\"], verbs: [\"get\"]} exceeds");
        assertThat(RbacCeilingCheck.problem(namespaced(named), new RbacCeiling())).get().asString()
                .startsWith("spec.sidecar.rbac rule {apiGroups: [\"\"], resources: [\"configmaps\"], resourceNames: [\"flags\"], verbs: [\"get\"]} exceeds");
    }

    @Test
    void eachScopeIsCheckedAgainstItsOwnCeilingList() {
        RbacCeiling clusterOnly = new RbacCeiling();
        clusterOnly.setClusterRules(List.of(GET_PODS));
        RbacCeiling namespacedOnly = new RbacCeiling();
        namespacedOnly.setRules(List.of(GET_PODS));

        assertThat(RbacCeilingCheck.problem(namespaced(GET_PODS), clusterOnly)).get().asString().contains("rbacCeiling.rules:");
        assertThat(RbacCeilingCheck.problem(clusterWide(GET_PODS), namespacedOnly)).get().asString().contains("rbacCeiling.clusterRules:");
    }

    @Test
    void anEmptyCeilingGrantsNothing() {
        assertThat(RbacCeilingCheck.problem(namespaced(GET_PODS), new RbacCeiling())).isPresent();
        assertThat(RbacCeilingCheck.problem(clusterWide(GET_PODS), new RbacCeiling())).isPresent();
        assertThat(RbacCeilingCheck.problem(new SidecarSpec(), new RbacCeiling())).isEmpty();
    }

    @Test
    void withoutACeilingNothingBeyondTheBuiltInGuardIsEnforced() {
        PolicyRule everything = rule().withApiGroups("*").withResources("*").withVerbs("*").build();

        assertThat(RbacCeilingCheck.problem(clusterWide(everything), null)).isEmpty();
        assertThat(RbacCeilingCheck.problem(null, new RbacCeiling())).isEmpty();
    }

    private static PolicyRuleBuilder rule() {
        return new PolicyRuleBuilder();
    }

    private static SidecarSpec namespaced(PolicyRule... rules) {
        SidecarSpec sidecar = new SidecarSpec();
        sidecar.setRbac(List.of(rules));
        return sidecar;
    }

    private static SidecarSpec clusterWide(PolicyRule... rules) {
        SidecarSpec sidecar = new SidecarSpec();
        sidecar.setClusterRBAC(List.of(rules));
        return sidecar;
    }
}
