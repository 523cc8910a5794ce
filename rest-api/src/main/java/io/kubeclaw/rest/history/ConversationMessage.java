package io.kubeclaw.rest.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One message of a conversation: a task given to a run ({@code user}) or its answer ({@code agent}). */
@Entity
@Table(name = "conversation_messages")
public class ConversationMessage {

    @Id
    private Long id;
    @Column(name = "conversation_id")
    private Long conversationId;
    @Column(name = "run_uid")
    private String runUid;
    private String role;
    private String sender;
    private String text;
    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    public TranscriptLine view() {
        return new TranscriptLine(sentAt, role, sender, text, runUid);
    }
}
