-- The last message number of each conversation, kept on its row (which numbering locks anyway), so numbering a new
-- message costs the same in a conversation of 10 messages as in one of 10,000.
alter table conversation add column last_seq bigint default 0 not null;
update conversation set last_seq = coalesce((select max(m.seq) from conversation_message m where m.session_id = conversation.id), 0);
