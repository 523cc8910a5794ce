package io.kubeclaw.controllers.run;

import io.kubeclaw.controllers.ownership.OwnedNames;

/** Deterministic names of what a run owns, so a restarted controller finds them instead of creating twins. */
final class RunResourceNames {

    private RunResourceNames() {
    }

    static String job(String run) {
        return OwnedNames.bounded(run, "-run");
    }

    static String serviceAccount(String run) {
        return OwnedNames.bounded(run, "-agent");
    }
}
