package io.kubeclaw.rest.history;

import io.kubeclaw.api.objects.ObjectLabels;
import io.kubeclaw.api.v1alpha1.AgentRun;
import io.kubeclaw.api.v1alpha1.AgentRunStatus;
import io.kubeclaw.api.v1alpha1.common.WireNames;
import io.kubeclaw.api.v1alpha1.run.AgentRunPhase;
import io.kubeclaw.api.v1alpha1.run.ReplyTarget;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The history's row of an AgentRun, and the conversation lines it adds when it has a session key: the task as the
 * user's message and, once it has ended, its answer (or its error) as the agent's. {@code createdBy} is who created
 * the run, as the webhook recorded it ("" where it did not): a conversation is its creator's.
 */
record RunRow(String uid, String namespace, String instance, String name, String task, String sessionKey, String phase,
              String result, String error, Long inputTokens, Long outputTokens, Integer toolCalls,
              OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime completedAt,
              String channel, String participant, String createdBy) {

    static RunRow of(AgentRun run) {
        AgentRunStatus status = run.getStatus() == null ? new AgentRunStatus() : run.getStatus();
        ReplyTarget reply = run.getSpec().getReplyTo();
        return new RunRow(run.getMetadata().getUid(), run.getMetadata().getNamespace(), run.getSpec().getInstanceRef(),
                run.getMetadata().getName(), run.getSpec().getTask(), blankToNull(run.getSpec().getSessionKey()),
                status.getPhase() == null ? null : WireNames.of(status.getPhase()), status.getResult(), status.getError(),
                status.getTokenUsage() == null ? null : status.getTokenUsage().getInput(),
                status.getTokenUsage() == null ? null : status.getTokenUsage().getOutput(), status.getToolCalls(),
                time(run.getMetadata().getCreationTimestamp()), time(status.getStartedAt()), time(status.getCompletedAt()),
                reply == null || reply.getChannel() == null ? null : WireNames.of(reply.getChannel()),
                reply == null ? null : blankToNull(reply.getChatId()),
                run.getMetadata().getAnnotations() == null ? "" : run.getMetadata().getAnnotations().getOrDefault(ObjectLabels.CREATED_BY, ""));
    }

    boolean ended() {
        return WireNames.of(AgentRunPhase.SUCCEEDED).equals(phase) || WireNames.of(AgentRunPhase.FAILED).equals(phase);
    }

    /** The agent's side of the conversation once the run has ended: its answer, or why it failed. */
    Optional<String> answer() {
        if (!ended()) {
            return Optional.empty();
        }
        return Optional.ofNullable(result != null ? result : error == null ? null : "(the run failed: " + error + ")");
    }

    private static OffsetDateTime time(String timestamp) {
        return timestamp == null || timestamp.isBlank() ? null : OffsetDateTime.parse(timestamp);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
