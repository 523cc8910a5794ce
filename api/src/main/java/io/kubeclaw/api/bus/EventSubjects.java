package io.kubeclaw.api.bus;

import java.util.Objects;

/**
 * The one subject scheme of the event bus (docs/event-bus.md): every subject starts with
 * {@code kubeclaw.<namespace>.<instance>.}, so a consumer or a NATS permission can be scoped to a namespace or an
 * instance by a wildcard.
 *
 * <pre>
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.run.&lt;run&gt;.event             progress of a run
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.run.&lt;run&gt;.tool              one record per tool call
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.run.&lt;run&gt;.result            the run's result, once
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.run.&lt;run&gt;.inbound           messages and approvals to a running run
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.channel.&lt;type&gt;.inbound       chat messages received
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.channel.&lt;type&gt;.outbound      chat messages to send
 * kubeclaw.&lt;ns&gt;.&lt;instance&gt;.schedule.request          runs asking for a ClawSchedule
 * </pre>
 */
public final class EventSubjects {

    public static final String ROOT = "kubeclaw";

    /** What a run publishes or receives under {@code run.<run>.}. */
    public enum RunTopic {
        EVENT("event"), TOOL("tool"), RESULT("result"), INBOUND("inbound");

        private final String token;

        RunTopic(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    private EventSubjects() {
    }

    public static String run(String namespace, String instance, String run, RunTopic topic) {
        return prefix(namespace, instance) + "run." + token(run) + "." + topic.token();
    }

    public static String channel(String namespace, String instance, String channelType, boolean inbound) {
        return prefix(namespace, instance) + "channel." + token(channelType) + (inbound ? ".inbound" : ".outbound");
    }

    public static String scheduleRequest(String namespace, String instance) {
        return prefix(namespace, instance) + "schedule.request";
    }

    /** Every run's results, in every namespace: the control plane's filter. */
    public static String allRunResults() {
        return ROOT + ".*.*.run.*." + RunTopic.RESULT.token();
    }

    /** What every run in one namespace publishes or receives: a watcher's filter, scoped to what it may see. */
    public static String runsInNamespace(String namespace) {
        return ROOT + "." + token(namespace) + ".*.run.>";
    }

    public static String allScheduleRequests() {
        return ROOT + ".*.*.schedule.request";
    }

    /**
     * A Kubernetes name as one subject token. Names may hold dots, which NATS reads as separators; they never hold
     * underscores, so dot to underscore is reversible ({@link #name}).
     */
    public static String token(String kubernetesName) {
        Objects.requireNonNull(kubernetesName, "name");
        if (kubernetesName.isEmpty() || kubernetesName.chars().anyMatch(c -> c == '_' || c == '*' || c == '>' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("not a Kubernetes object name: \"" + kubernetesName + "\"");
        }
        return kubernetesName.replace('.', '_');
    }

    /** The Kubernetes name a subject token stands for. */
    public static String name(String token) {
        return token.replace('_', '.');
    }

    /** The parts of a run subject, or null when {@code subject} is not one. */
    public static RunSubject parseRun(String subject) {
        String[] tokens = subject.split("\\.");
        if (tokens.length != 6 || !ROOT.equals(tokens[0]) || !"run".equals(tokens[3])) {
            return null;
        }
        for (RunTopic topic : RunTopic.values()) {
            if (topic.token().equals(tokens[5])) {
                return new RunSubject(name(tokens[1]), name(tokens[2]), name(tokens[4]), topic);
            }
        }
        return null;
    }

    public record RunSubject(String namespace, String instance, String run, RunTopic topic) {
    }

    /** The namespace and instance of a schedule request's subject, or null when {@code subject} is not one. */
    public static InstanceSubject parseScheduleRequest(String subject) {
        String[] tokens = subject.split("\\.");
        if (tokens.length != 5 || !ROOT.equals(tokens[0]) || !"schedule".equals(tokens[3]) || !"request".equals(tokens[4])) {
            return null;
        }
        return new InstanceSubject(name(tokens[1]), name(tokens[2]));
    }

    public record InstanceSubject(String namespace, String instance) {
    }

    private static String prefix(String namespace, String instance) {
        return ROOT + "." + token(namespace) + "." + token(instance) + ".";
    }
}
