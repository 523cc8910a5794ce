package io.kubeclaw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubeclaw.api.v1alpha1.common.SchemaPatterns;
import io.kubeclaw.api.v1alpha1.schedule.ConcurrencyPolicy;
import io.kubeclaw.api.v1alpha1.schedule.CronSyntax;
import io.kubeclaw.api.v1alpha1.schedule.ScheduleType;

/** The desired state of a ClawSchedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("When to start runs, what they do, and how runs that overlap are handled.")
@ValidationRule(
        value = "(has(self.type) && self.type == 'heartbeat') || has(self.task)",
        message = "spec.task is required unless spec.type is heartbeat: describe what the scheduled run should do")
public class ClawScheduleSpec {

    @Required
    @Pattern(SchemaPatterns.DNS1123_LABEL)
    @Size(max = SchemaPatterns.DNS1123_LABEL_MAX_LENGTH)
    @JsonPropertyDescription("Name of the ClawInstance (same namespace) whose agent runs the scheduled task.")
    private String instanceRef;

    @Required
    @Size(max = CronSyntax.MAX_LENGTH)
    @ValidationRule(
            value = CronSyntax.CEL_RULE,
            message = "schedule must be 5 cron fields (minute hour day-of-month month day-of-week, e.g. \"0 9 * * 1-5\") "
                    + "or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly")
    @JsonPropertyDescription("When to start runs: 5 cron fields (minute hour day-of-month month day-of-week), e.g. \"0 9 * * 1-5\", "
            + "or a macro: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly.")
    private String schedule;

    @Pattern("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
    @Size(max = 64)
    @JsonPropertyDescription("IANA time zone the schedule is read in, e.g. Europe/Berlin. Defaults to UTC.")
    private String timeZone;

    @Default("scheduled")
    @JsonPropertyDescription("heartbeat (a check-in that needs no task), scheduled (run the task) or sweep (look for problems, guided by the task). Defaults to scheduled.")
    private ScheduleType type;

    @Size(max = 65536)
    @JsonPropertyDescription("What each run should do. Required unless type is heartbeat.")
    private String task;

    // Boxed so that "unset" (take the default) and an explicit false stay distinguishable.
    @Default("true")
    @JsonPropertyDescription("Give runs the instance's memory. Defaults to true.")
    private Boolean includeMemory;

    @JsonPropertyDescription("Start no new runs while true; runs already started continue.")
    private Boolean suspend;

    @Default("Forbid")
    @JsonPropertyDescription("When a run is due while the previous one still runs: Forbid (skip it), Allow (run both) or Replace (stop the old one). Defaults to Forbid.")
    private ConcurrencyPolicy concurrencyPolicy;

    @Min(0)
    @JsonPropertyDescription("A run missed by more than this many seconds (e.g. while the operator was down) is skipped.")
    private Long startingDeadlineSeconds;

    @Default("3")
    @Min(0)
    @JsonPropertyDescription("How many succeeded AgentRuns to keep. Defaults to 3.")
    private Integer successfulRunsHistoryLimit;

    @Default("1")
    @Min(0)
    @JsonPropertyDescription("How many failed AgentRuns to keep. Defaults to 1.")
    private Integer failedRunsHistoryLimit;

    public String getInstanceRef() {
        return instanceRef;
    }

    public void setInstanceRef(String instanceRef) {
        this.instanceRef = instanceRef;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public ScheduleType getType() {
        return type;
    }

    public void setType(ScheduleType type) {
        this.type = type;
    }

    public String getTask() {
        return task;
    }

    public void setTask(String task) {
        this.task = task;
    }

    public Boolean getIncludeMemory() {
        return includeMemory;
    }

    public void setIncludeMemory(Boolean includeMemory) {
        this.includeMemory = includeMemory;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public ConcurrencyPolicy getConcurrencyPolicy() {
        return concurrencyPolicy;
    }

    public void setConcurrencyPolicy(ConcurrencyPolicy concurrencyPolicy) {
        this.concurrencyPolicy = concurrencyPolicy;
    }

    public Long getStartingDeadlineSeconds() {
        return startingDeadlineSeconds;
    }

    public void setStartingDeadlineSeconds(Long startingDeadlineSeconds) {
        this.startingDeadlineSeconds = startingDeadlineSeconds;
    }

    public Integer getSuccessfulRunsHistoryLimit() {
        return successfulRunsHistoryLimit;
    }

    public void setSuccessfulRunsHistoryLimit(Integer successfulRunsHistoryLimit) {
        this.successfulRunsHistoryLimit = successfulRunsHistoryLimit;
    }

    public Integer getFailedRunsHistoryLimit() {
        return failedRunsHistoryLimit;
    }

    public void setFailedRunsHistoryLimit(Integer failedRunsHistoryLimit) {
        this.failedRunsHistoryLimit = failedRunsHistoryLimit;
    }
}
