-- Files and images visitors send (kept in the data directory; the row says what they are).
create table attachment (
    id              varchar(40) primary key,
    conversation_id varchar(100) not null,
    name            varchar(200) not null,
    content_type    varchar(100) not null,
    size            bigint not null,
    uploaded_by     varchar(200) not null,
    created_at      timestamp with time zone not null
);
create index attachment_conversation on attachment (conversation_id);
alter table conversation_message add column attachment_id varchar(40);
