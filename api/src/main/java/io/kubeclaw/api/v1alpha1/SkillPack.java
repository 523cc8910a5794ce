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

/** A versioned bundle of skills, optionally with a sidecar that brings their tools and permissions. */
@Group(KubeClaw.GROUP)
@Version(KubeClaw.VERSION)
@Plural("skillpacks")
@ShortNames("sp")
@Categories(KubeClaw.CATEGORY)
@JsonClassDescription("SkillPack is a versioned bundle of skills (Markdown instructions) that ClawInstances and "
        + "AgentRuns refer to, optionally with a sidecar container that brings the skills' tools and the "
        + "Kubernetes permissions they need.")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Skills", jsonPath = ".status.skillCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Category", jsonPath = ".spec.category", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class SkillPack extends CustomResource<SkillPackSpec, SkillPackStatus> implements Namespaced {
}
