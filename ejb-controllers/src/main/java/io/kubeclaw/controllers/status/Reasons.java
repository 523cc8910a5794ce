package io.kubeclaw.controllers.status;

/** Condition and Event reasons: PascalCase constants, so clients can match on them. */
public final class Reasons {

    public static final String ACCEPTED = "Accepted";
    public static final String POLICY_NOT_FOUND = "PolicyNotFound";
    public static final String SKILLS_PUBLISHED = "SkillsPublished";
    public static final String RBAC_NOT_ALLOWED = "RbacNotAllowed";
    public static final String INVALID_SCHEDULE = "InvalidSchedule";
    public static final String INVALID_TIME_ZONE = "InvalidTimeZone";
    public static final String SUSPENDED = "Suspended";
    public static final String SCHEDULED = "Scheduled";
    public static final String RUN_STARTED = "RunStarted";
    public static final String RUN_ALREADY_STARTED = "RunAlreadyStarted";
    public static final String RUN_STILL_ACTIVE = "RunStillActive";
    public static final String MISSED_SCHEDULE = "MissedSchedule";

    public static final String READY = "Ready";
    public static final String NOT_READY = "NotReady";
    // ClawInstance: memory and channels.
    public static final String MEMORY_READY = "MemoryReady";
    public static final String MEMORY_CREATED = "MemoryCreated";
    public static final String MEMORY_DISABLED = "MemoryDisabled";
    public static final String CHANNELS_READY = "ChannelsReady";
    public static final String CHANNELS_STARTING = "ChannelsStarting";

    // AgentRun: resolving what the run refers to.
    public static final String INSTANCE_NOT_FOUND = "InstanceNotFound";
    public static final String SKILLPACK_NOT_FOUND = "SkillPackNotFound";
    public static final String POLICY_DENIED = "PolicyDenied";
    // AgentRun: admission and start.
    public static final String WAITING_FOR_SLOT = "WaitingForSlot";
    public static final String JOB_CREATED = "JobCreated";
    public static final String POD_STARTING = "PodStarting";
    public static final String POD_RUNNING = "PodRunning";
    // AgentRun: outcome.
    public static final String AGENT_EXITED = "AgentExited";
    public static final String SUCCEEDED = "Succeeded";
    public static final String AGENT_FAILED = "AgentFailed";
    public static final String RESULT_MISSING = "ResultMissing";
    public static final String TIMEOUT = "Timeout";
    public static final String IMAGE_PULL_FAILED = "ImagePullFailed";
    public static final String CONTAINER_CONFIG_ERROR = "ContainerConfigError";
    public static final String CRASH_LOOP = "CrashLoop";
    public static final String AGENT_CRASHED = "AgentCrashed";
    public static final String OUT_OF_MEMORY = "OutOfMemory";
    public static final String JOB_DELETED = "JobDeleted";
    /** An object the run needs exists under its name but was not made for it; it is not taken over. */
    public static final String OBJECT_NOT_OWNED = "ObjectNotOwned";
    public static final String FINISHED = "Finished";
    // AgentRun: after the run.
    public static final String RBAC_REVOKED = "RbacRevoked";
    public static final String MEMORY_UPDATED = "MemoryUpdated";

    private Reasons() {
    }
}
