package io.kubeclaw.rest.history;

import java.time.OffsetDateTime;

/** One run of the history: its task, outcome, tokens and timings; {@code deletedAt} is set once its AgentRun is gone. */
public record RunHistoryEntry(String uid, String namespace, String instance, String name, String task, String sessionKey, String phase,
                              String result, String error, Long inputTokens, Long outputTokens, Integer toolCalls,
                              OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime deletedAt) {
}
