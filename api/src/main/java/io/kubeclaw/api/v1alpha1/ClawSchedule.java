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

/** Starts AgentRuns of a ClawInstance on a cron schedule: heartbeats, recurring tasks, sweeps. */
@Group(KubeClaw.GROUP)
@Version(KubeClaw.VERSION)
@Plural("clawschedules")
@ShortNames({"cs", "csched"})
@Categories(KubeClaw.CATEGORY)
@JsonClassDescription("ClawSchedule starts AgentRuns of a ClawInstance on a cron schedule, like a CronJob does Jobs: "
        + "heartbeats, recurring tasks such as a daily stand-up, and sweeps looking for problems.")
@AdditionalPrinterColumn(name = "Instance", jsonPath = ".spec.instanceRef", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Suspend", jsonPath = ".spec.suspend", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Last Run", jsonPath = ".status.lastRunTime", type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class ClawSchedule extends CustomResource<ClawScheduleSpec, ClawScheduleStatus> implements Namespaced {
}
