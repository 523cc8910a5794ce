package io.kubeclaw.rest.history;

import io.kubeclaw.api.v1alpha1.AgentRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * Writes runs into the history. EclipseLink binds a null parameter as a varchar, hence the casts on the typed
 * columns. Every write is an upsert keyed by the run's uid, so recording the same state
 * twice (a resync, a second replica) changes nothing, and a later state only ever fills in what is new.
 */
@ApplicationScoped
public class RunHistory {

    @PersistenceContext(unitName = "kubeclaw")
    EntityManager entities;

    /** @param namespaceUid the UID of the run's namespace as it is now, or "" when not known yet (filled in later) */
    @Transactional
    public void record(AgentRun run, String namespaceUid) {
        RunRow row = RunRow.of(run);
        if (row.uid() == null || row.instance() == null) {
            return;
        }
        bind(entities.createNativeQuery("""
                INSERT INTO run_history (uid, namespace, instance, name, task, session_key, phase, result, error, input_tokens,
                                         output_tokens, tool_calls, created_at, started_at, completed_at, namespace_uid)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS BIGINT), CAST(?11 AS BIGINT), CAST(?12 AS INTEGER),
                        CAST(?13 AS TIMESTAMPTZ), CAST(?14 AS TIMESTAMPTZ), CAST(?15 AS TIMESTAMPTZ), ?16)
                ON CONFLICT (uid) DO UPDATE SET phase = EXCLUDED.phase,
                    namespace_uid = CASE WHEN run_history.namespace_uid = '' THEN EXCLUDED.namespace_uid ELSE run_history.namespace_uid END,
                    result = COALESCE(EXCLUDED.result, run_history.result), error = COALESCE(EXCLUDED.error, run_history.error),
                    input_tokens = COALESCE(EXCLUDED.input_tokens, run_history.input_tokens),
                    output_tokens = COALESCE(EXCLUDED.output_tokens, run_history.output_tokens),
                    tool_calls = COALESCE(EXCLUDED.tool_calls, run_history.tool_calls),
                    started_at = COALESCE(EXCLUDED.started_at, run_history.started_at),
                    completed_at = COALESCE(EXCLUDED.completed_at, run_history.completed_at)
                """), row.uid(), row.namespace(), row.instance(), row.name(), row.task(), row.sessionKey(), row.phase(), row.result(),
                row.error(), row.inputTokens(), row.outputTokens(), row.toolCalls(), row.createdAt(), row.startedAt(), row.completedAt(),
                namespaceUid).executeUpdate();
        if (row.sessionKey() != null) {
            recordConversation(row, namespaceUid);
        }
    }

    /** Marks a run whose AgentRun was deleted; its row stays. */
    @Transactional
    public void recordDeleted(AgentRun run) {
        entities.createNativeQuery("UPDATE run_history SET deleted_at = ?2 WHERE uid = ?1 AND deleted_at IS NULL")
                .setParameter(1, run.getMetadata().getUid()).setParameter(2, OffsetDateTime.now()).executeUpdate();
    }

    private void recordConversation(RunRow row, String namespaceUid) {
        OffsetDateTime now = OffsetDateTime.now();
        Number conversation = (Number) bind(entities.createNativeQuery("""
                INSERT INTO conversations (namespace, instance, session_key, channel, participants, started_at, updated_at, namespace_uid, owner)
                VALUES (?1, ?2, ?3, ?4, COALESCE(?5, ''), CAST(?6 AS TIMESTAMPTZ), CAST(?7 AS TIMESTAMPTZ), ?8, ?9)
                ON CONFLICT (namespace, namespace_uid, instance, session_key, owner) DO UPDATE SET updated_at = GREATEST(conversations.updated_at, EXCLUDED.updated_at),
                    channel = COALESCE(conversations.channel, EXCLUDED.channel),
                    participants = CASE WHEN EXCLUDED.participants = '' OR position(EXCLUDED.participants IN conversations.participants) > 0
                                        THEN conversations.participants
                                        WHEN conversations.participants = '' THEN EXCLUDED.participants
                                        ELSE conversations.participants || ',' || EXCLUDED.participants END
                RETURNING id
                """), row.namespace(), row.instance(), row.sessionKey(), row.channel(), row.participant(), row.createdAt(), now, namespaceUid,
                row.createdBy())
                .getSingleResult();
        addMessage(conversation, row, "user", row.participant(), row.task(), row.createdAt());
        row.answer().ifPresent(answer -> addMessage(conversation, row, "agent", row.instance(), answer,
                row.completedAt() == null ? now : row.completedAt()));
    }

    private void addMessage(Number conversation, RunRow row, String role, String sender, String text, OffsetDateTime at) {
        bind(entities.createNativeQuery("""
                INSERT INTO conversation_messages (conversation_id, run_uid, role, sender, text, sent_at)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS TIMESTAMPTZ)) ON CONFLICT (run_uid, role) DO NOTHING
                """), conversation.longValue(), row.uid(), role, sender, text, at).executeUpdate();
    }

    private static Query bind(Query query, Object... values) {
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query;
    }
}
