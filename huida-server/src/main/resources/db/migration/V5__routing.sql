-- Agents as routing sees them, keyed by the app_user username (no foreign key: users are managed elsewhere).
create table agent (
    username         varchar(100) primary key,
    display_name     varchar(100) not null,
    team             varchar(100),
    max_concurrent   integer default 5 not null check (max_concurrent between 1 and 50),
    status           varchar(10) default 'OFFLINE' not null,
    status_since     timestamp with time zone not null,
    vip_dedicated    boolean default false not null,
    last_assigned_at timestamp with time zone,
    updated_at       timestamp with time zone not null
);

-- What an agent can handle (e.g. 信用卡, 宽带); matched against a conversation's skill.
create table agent_skill (
    username varchar(100) not null references agent (username) on delete cascade,
    skill    varchar(50) not null,
    position integer not null,
    primary key (username, skill)
);

-- The router's assignments; accepted_at stays null until the agent accepts (un-accepted ones time out).
create table routing_assignment (
    conversation_id varchar(100) primary key,
    agent           varchar(100) not null,
    assigned_at     timestamp with time zone not null,
    accepted_at     timestamp with time zone
);
create index routing_assignment_open on routing_assignment (accepted_at, assigned_at);
