package io.kubeclaw.runner.tools;

/** What a tool call gives back to the model, and whether it succeeded. */
public record ToolOutcome(boolean ok, String text) {

    public static ToolOutcome ok(String text) {
        return new ToolOutcome(true, text);
    }

    public static ToolOutcome refused(String reason) {
        return new ToolOutcome(false, "refused: " + reason);
    }

    public static ToolOutcome failed(String reason) {
        return new ToolOutcome(false, "failed: " + reason);
    }
}
