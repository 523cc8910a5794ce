package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A long-lived AI assistant: its LLM provider, chat channels, skills, memory and agent limits. */
@Group(KubeClaw.GROUP)
@Version(KubeClaw.VERSION)
@Plural("clawinstances")
@ShortNames("ci")
@Categories(KubeClaw.CATEGORY)
@JsonClassDescription("ClawInstance is a long-lived AI assistant: the LLM provider it calls, the chat channels it listens on, "
        + "the skills and memory it has, and how its agent runs are limited. Each task it works on is an AgentRun.")
@AdditionalPrinterColumn(name = "Provider", jsonPath = ".spec.provider.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.provider.model", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeAgentPods", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Policy", jsonPath = ".spec.policyRef", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "self.metadata.name.size() <= 63", message = "A ClawInstance's name is at most 63 characters: it labels its runs, pods and channel Deployments, and a label value holds 63")
public class ClawInstance extends CustomResource<ClawInstanceSpec, ClawInstanceStatus> implements Namespaced {
}
