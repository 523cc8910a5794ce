package io.kubeclaw.rest.stream;

import io.kubeclaw.rest.auth.Access;
import java.util.List;

/**
 * One thing a client can subscribe to: a feed in a namespace, of one resource kind (resources) or of one run
 * (logs). It is also the key a client unsubscribes with.
 */
public record Topic(Feed feed, String namespace, ResourceKind kind, String run) {

    static Topic runs(String namespace) {
        return new Topic(Feed.RUNS, namespace, null, null);
    }

    static Topic resources(String namespace, ResourceKind kind) {
        return new Topic(Feed.RESOURCES, namespace, kind, null);
    }

    static Topic logs(String namespace, String run) {
        return new Topic(Feed.LOGS, namespace, null, run);
    }

    /**
     * What the caller must be allowed, as kubectl would need it: following is list and watch; a run's log is what
     * {@code GET .../runs/{name}/logs} needs (get on the run and on pods/log).
     */
    List<Access> accessNeeded() {
        return switch (feed) {
            case RUNS -> List.of(Access.kubeclaw("list", ResourceKind.RUNS.plural(), namespace, null),
                    Access.kubeclaw("watch", ResourceKind.RUNS.plural(), namespace, null));
            case RESOURCES -> List.of(Access.kubeclaw("list", kind.plural(), namespace, null),
                    Access.kubeclaw("watch", kind.plural(), namespace, null));
            case LOGS -> List.of(Access.kubeclaw("get", ResourceKind.RUNS.plural(), namespace, run),
                    Access.core("get", "pods", "log", namespace, null));
        };
    }

    /** For messages: {@code runs in namespace "team-a"}, {@code logs of run "r1" in namespace "team-a"}. */
    String describe() {
        String what = switch (feed) {
            case RUNS -> "runs";
            case RESOURCES -> "resources of kind " + kind.wireName();
            case LOGS -> "logs of run \"" + run + "\"";
        };
        return what + " in namespace \"" + namespace + "\"";
    }
}
