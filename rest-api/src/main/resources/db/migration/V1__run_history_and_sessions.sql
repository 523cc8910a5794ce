-- A row per AgentRun, kept after the CR is deleted.
CREATE TABLE run_history (
    uid            VARCHAR(64)  PRIMARY KEY,
    namespace      VARCHAR(253) NOT NULL,
    instance       VARCHAR(253) NOT NULL,
    name           VARCHAR(253) NOT NULL,
    task           TEXT         NOT NULL,
    session_key    VARCHAR(512),
    phase          VARCHAR(32),
    result         TEXT,
    error          TEXT,
    input_tokens   BIGINT,
    output_tokens  BIGINT,
    tool_calls     INTEGER,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    completed_at   TIMESTAMP WITH TIME ZONE,
    deleted_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX run_history_by_instance ON run_history (namespace, instance, created_at DESC);
CREATE INDEX run_history_by_time ON run_history (created_at DESC, uid);
CREATE INDEX run_history_by_phase ON run_history (namespace, phase, created_at DESC);

-- A conversation: the runs of one instance that share a session key (a chat, a thread).
CREATE TABLE conversations (
    id            BIGSERIAL    PRIMARY KEY,
    namespace     VARCHAR(253) NOT NULL,
    instance      VARCHAR(253) NOT NULL,
    session_key   VARCHAR(512) NOT NULL,
    channel       VARCHAR(32),
    participants  TEXT         NOT NULL DEFAULT '',
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (namespace, instance, session_key)
);

-- What was said in a conversation: the task a run was given, and its answer.
CREATE TABLE conversation_messages (
    id               BIGSERIAL   PRIMARY KEY,
    conversation_id  BIGINT      NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    run_uid          VARCHAR(64) NOT NULL,
    role             VARCHAR(16) NOT NULL,
    sender           VARCHAR(253),
    text             TEXT        NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (run_uid, role)
);
CREATE INDEX conversation_messages_in_order ON conversation_messages (conversation_id, sent_at, id);
