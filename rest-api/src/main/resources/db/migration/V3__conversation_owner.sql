-- A conversation belongs to the session key of one creator: a run of someone else with the same key starts a
-- conversation of its own rather than joining theirs. Conversations from before this migration have no owner ('').
ALTER TABLE conversations ADD COLUMN owner VARCHAR(253) NOT NULL DEFAULT '';
ALTER TABLE conversations DROP CONSTRAINT conversations_key;
ALTER TABLE conversations ADD CONSTRAINT conversations_key UNIQUE (namespace, namespace_uid, instance, session_key, owner);
