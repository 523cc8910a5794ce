package io.kubeclaw.controllers.status;

/** Condition and Event reasons: PascalCase constants, so clients can match on them. */
public final class Reasons {

    public static final String ACCEPTED = "Accepted";
    public static final String POLICY_NOT_FOUND = "PolicyNotFound";

    private Reasons() {
    }
}
