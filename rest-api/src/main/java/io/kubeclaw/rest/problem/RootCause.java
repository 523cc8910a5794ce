package io.kubeclaw.rest.problem;

/** The first line of the innermost cause's message: what actually went wrong, without the layers around it. */
public final class RootCause {

    private RootCause() {
    }

    public static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
