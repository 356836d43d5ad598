-- Every message of a conversation gets a sequence number (delivery order, resume after reconnect) and may carry the
-- sender's client id (a resent message is stored once).
alter table conversation_message add column seq bigint;
alter table conversation_message add column client_id varchar(64);
alter table conversation_message add column author varchar(100);
create unique index conversation_message_seq on conversation_message (session_id, seq);
create unique index conversation_message_client on conversation_message (session_id, client_id);
