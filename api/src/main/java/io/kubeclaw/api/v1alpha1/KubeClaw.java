package io.kubeclaw.api.v1alpha1;

/** The API group, version and category shared by the kubeclaw.io custom resources. */
public final class KubeClaw {

    public static final String GROUP = "kubeclaw.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** Lets {@code kubectl get kubeclaw} list all five kinds at once. */
    public static final String CATEGORY = "kubeclaw";
    /** Where the control plane runs and holds its leader-election lease, unless configured otherwise. */
    public static final String SYSTEM_NAMESPACE = "kubeclaw-system";

    private KubeClaw() {
    }
}
