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

    /** A skill pack's own identity in a run: its ServiceAccount, and the Role and RoleBinding that grant it. */
    static String skill(String run, String pack) {
        return OwnedNames.bounded(run + "-" + pack, "-skill");
    }

    /** The Secret holding the token of a pack's ServiceAccount, bound to the Secret so deleting it revokes the token. */
    static String skillToken(String run, String pack) {
        return OwnedNames.bounded(run + "-" + pack, "-token");
    }
}
