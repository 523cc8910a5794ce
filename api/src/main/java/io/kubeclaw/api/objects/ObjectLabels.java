package io.kubeclaw.api.objects;

/**
 * The labels the control plane puts on the objects it makes (Jobs, pods, channel Deployments), by which the
 * controllers, the API and the console find them.
 */
public final class ObjectLabels {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_KUBECLAW = "kubeclaw";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String RUN = "kubeclaw.io/run";
    public static final String INSTANCE = "kubeclaw.io/instance";
    public static final String CHANNEL = "kubeclaw.io/channel";
    /**
     * On a Namespace, set to {@link #ADMISSION_DISABLED} by a cluster admin: the admission webhook skips it, and so nobody
     * checks who binds a SkillPack's grants there.
     */
    public static final String ADMISSION = "kubeclaw.io/admission";
    public static final String ADMISSION_DISABLED = "disabled";
    /**
     * An annotation on an AgentRun: who created it, as the admission webhook saw them. Set on every create and never
     * changed after; the history keeps one conversation per session key and creator, so nobody joins another's.
     */
    public static final String CREATED_BY = "kubeclaw.io/created-by";
    /** On cluster-scoped objects, which cannot carry an ownerReference to a namespaced owner: the owner's UID. */
    public static final String OWNER_UID = "kubeclaw.io/owner-uid";

    private ObjectLabels() {
    }
}
