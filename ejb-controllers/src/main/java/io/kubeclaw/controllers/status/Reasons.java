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

    private Reasons() {
    }
}
