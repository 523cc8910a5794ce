package io.kubeclaw.console;

/** The k9s-style JavaFX console and the kubeclaw install/onboard/uninstall commands. */
public final class KubeclawMain {

    /** Exit status for a component not yet available in this build (EX_UNAVAILABLE). */
    static final int UNAVAILABLE = 69;

    private KubeclawMain() {
    }

    public static void main(String[] args) {
        // Only the module's place in the build exists so far; say so plainly rather than pretend to work.
        System.err.println("kubeclaw: the desktop console and its commands are not built yet; use kubectl on the kubeclaw.io resources meanwhile.");
        System.exit(UNAVAILABLE);
    }
}
