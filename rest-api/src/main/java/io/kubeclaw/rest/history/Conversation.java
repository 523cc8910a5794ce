package io.kubeclaw.rest.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The runs of one instance that share a session key: a chat or a thread, with who took part. */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    private Long id;
    private String namespace;
    @Column(name = "namespace_uid")
    private String namespaceUid;
    private String owner;
    private String instance;
    @Column(name = "session_key")
    private String sessionKey;
    private String channel;
    private String participants;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    public String instance() {
        return instance;
    }

    public SessionSummary view() {
        List<String> people = participants == null || participants.isEmpty() ? List.of() : Arrays.asList(participants.split(","));
        return new SessionSummary(id, namespace, instance, sessionKey, channel, owner, people, startedAt, updatedAt);
    }
}
