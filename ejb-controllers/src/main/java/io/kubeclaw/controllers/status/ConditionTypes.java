package io.kubeclaw.controllers.status;

/** The fixed condition types KubeClaw resources report. */
public final class ConditionTypes {

    /** The spec and its references were accepted. */
    public static final String ACCEPTED = "Accepted";
    /** The resource does what it is for. */
    public static final String READY = "Ready";

    private ConditionTypes() {
    }
}
