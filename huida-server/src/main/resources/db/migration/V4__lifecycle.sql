-- The life of a conversation: who owns it (the bot or one agent) and where it stands.
create table conversation (
    id              varchar(100) primary key,
    status          varchar(20) not null,
    channel         varchar(20) not null,
    customer_id     varchar(100),
    customer_name   varchar(100),
    segment         varchar(50),
    vip             boolean not null,
    skill           varchar(100),
    handoff_reason  varchar(50),
    summary         varchar,
    agent           varchar(100),
    queued_at       timestamp with time zone,
    assigned_at     timestamp with time zone,
    resolved_at     timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    revision        bigint not null
);
create index conversation_queue on conversation (status, vip, queued_at);
create index conversation_agent on conversation (agent, status);
