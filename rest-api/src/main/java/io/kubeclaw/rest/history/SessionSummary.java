package io.kubeclaw.rest.history;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A conversation as listed: which instance, which key and channel, whose it is (who created its runs, "" for ones
 * older than that record), who took part and when.
 */
public record SessionSummary(Long id, String namespace, String instance, String sessionKey, String channel, String owner, List<String> participants,
                             OffsetDateTime startedAt, OffsetDateTime updatedAt) {
}
