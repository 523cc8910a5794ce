package io.kubeclaw.controllers.status;

/** Condition and Event reasons: PascalCase constants, so clients can match on them. */
public final class Reasons {

    public static final String ACCEPTED = "Accepted";
    public static final String POLICY_NOT_FOUND = "PolicyNotFound";
    public static final String SKILLS_PUBLISHED = "SkillsPublished";
    public static final String RBAC_NOT_ALLOWED = "RbacNotAllowed";

    private Reasons() {
    }
}
