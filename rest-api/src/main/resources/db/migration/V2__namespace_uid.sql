-- A namespace deleted and made again (perhaps by someone else) is another namespace: the history and the
-- conversations are kept by the namespace's UID as well as its name. Rows from before this migration have none ('').
ALTER TABLE run_history ADD COLUMN namespace_uid VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN namespace_uid VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE conversations DROP CONSTRAINT conversations_namespace_instance_session_key_key;
ALTER TABLE conversations ADD CONSTRAINT conversations_key UNIQUE (namespace, namespace_uid, instance, session_key);
