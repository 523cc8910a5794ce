package io.kubeclaw.testsupport.process;

/** What a finished command printed and how it exited. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result, or fails with everything the command said. */
    public CommandResult orThrow(String what) {
        if (!ok()) {
            throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + stderr.strip() + " " + stdout.strip());
        }
        return this;
    }
}
