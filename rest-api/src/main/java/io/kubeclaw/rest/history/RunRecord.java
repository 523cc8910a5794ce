package io.kubeclaw.rest.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A run as the history keeps it, written by {@link RunHistory} from the AgentRun and kept after the CR is gone. */
@Entity
@Table(name = "run_history")
public class RunRecord {

    @Id
    private String uid;
    private String namespace;
    @Column(name = "namespace_uid")
    private String namespaceUid;
    private String instance;
    private String name;
    private String task;
    @Column(name = "session_key")
    private String sessionKey;
    private String phase;
    private String result;
    private String error;
    @Column(name = "input_tokens")
    private Long inputTokens;
    @Column(name = "output_tokens")
    private Long outputTokens;
    @Column(name = "tool_calls")
    private Integer toolCalls;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    /** As the API shows it. */
    public RunHistoryEntry view() {
        return new RunHistoryEntry(uid, namespace, instance, name, task, sessionKey, phase, result, error, inputTokens, outputTokens,
                toolCalls, createdAt, startedAt, completedAt, deletedAt);
    }
}
