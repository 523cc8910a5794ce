package io.kubeclaw.channels;

/** The chat channel gateways (Telegram, Slack, Discord, WhatsApp), one Deployment per type. */
public final class ChannelMain {

    /** Exit status for a component not yet available in this build (EX_UNAVAILABLE). */
    static final int UNAVAILABLE = 69;

    private ChannelMain() {
    }

    public static void main(String[] args) {
        // Only the module's place in the build exists so far; say so plainly rather than pretend to work.
        System.err.println("kubeclaw-channels: the channel gateways are not built yet; no messages are relayed.");
        System.exit(UNAVAILABLE);
    }
}
