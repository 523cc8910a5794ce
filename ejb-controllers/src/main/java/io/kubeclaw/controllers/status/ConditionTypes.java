package io.kubeclaw.controllers.status;

/** The fixed condition types KubeClaw resources report. */
public final class ConditionTypes {

    /** The spec and its references were accepted. */
    public static final String ACCEPTED = "Accepted";
    /** The resource does what it is for. */
    public static final String READY = "Ready";
    /** An AgentRun's Job was created (once; never again for the same run). */
    public static final String JOB_CREATED = "JobCreated";
    /** An AgentRun ended: True when it succeeded, False with the failure's reason. */
    public static final String COMPLETED = "Completed";
    /** A ClawInstance's memory ConfigMap exists (or memory is off). */
    public static final String MEMORY_READY = "MemoryReady";
    /** A ClawInstance's channel Deployments exist and are available. */
    public static final String CHANNELS_READY = "ChannelsReady";

    private ConditionTypes() {
    }
}
