package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** The guard rails for every ClawInstance that refers to it: sandboxing, tools, network, RBAC. */
@Group(KubeClaw.GROUP)
@Version(KubeClaw.VERSION)
@Plural("clawpolicies")
@ShortNames("cp")
@Categories(KubeClaw.CATEGORY)
@JsonClassDescription("ClawPolicy bounds what the agents of the ClawInstances referring to it may do: sandboxing, "
        + "subagent delegation, which tools they may call, where they may connect, and the most Kubernetes access "
        + "a SkillPack sidecar may be given.")
@AdditionalPrinterColumn(name = "Sandbox Required", jsonPath = ".spec.sandboxPolicy.required", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Default Tool Action", jsonPath = ".spec.toolGating.defaultAction", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Deny All", jsonPath = ".spec.networkPolicy.denyAll", type = AdditionalPrinterColumn.Type.BOOLEAN, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ClawPolicy extends CustomResource<ClawPolicySpec, ClawPolicyStatus> implements Namespaced {
}
