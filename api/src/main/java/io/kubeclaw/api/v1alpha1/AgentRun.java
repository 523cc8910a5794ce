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

/** One task given to an agent of a ClawInstance, run to completion in its own pod. */
@Group(KubeClaw.GROUP)
@Version(KubeClaw.VERSION)
@Plural("agentruns")
@ShortNames("ar")
@Categories(KubeClaw.CATEGORY)
@JsonClassDescription("AgentRun is one task given to an agent of a ClawInstance. The operator runs it to completion "
        + "in a Job, within the instance's ClawPolicy, and records the result, token usage and tool calls in its status.")
@AdditionalPrinterColumn(name = "Instance", jsonPath = ".spec.instanceRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Pod", jsonPath = ".status.podName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Parent", jsonPath = ".spec.parent.runName", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(value = "self.metadata.name.size() <= 63", message = "An AgentRun's name is at most 63 characters: it labels the run's Job and pod, and a label value holds 63")
public class AgentRun extends CustomResource<AgentRunSpec, AgentRunStatus> implements Namespaced {
}
