package io.kubeclaw.sidecars;

/** The IPC bridge and the skill tool executor that run beside the agent container. */
public final class SidecarMain {

    /** Exit status for a component not yet available in this build (EX_UNAVAILABLE). */
    static final int UNAVAILABLE = 69;

    private SidecarMain() {
    }

    public static void main(String[] args) {
        // Only the module's place in the build exists so far; say so plainly rather than pretend to work.
        System.err.println("kubeclaw-sidecars: the IPC bridge and tool executor are not built yet (tracked by the runner/event-bus issue).");
        System.exit(UNAVAILABLE);
    }
}
