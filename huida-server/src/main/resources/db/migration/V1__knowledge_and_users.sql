create table kb_version (
    id          bigint primary key,
    created_at  timestamp with time zone not null,
    created_by  varchar(100) not null,
    source      varchar(300) not null,
    faq_count   integer not null,
    status      varchar(20) not null
);

create table faq (
    version_id        bigint not null references kb_version (id),
    faq_id            varchar(64) not null,
    position          integer not null,
    category          varchar(200) not null,
    question          varchar(500) not null,
    similar_questions varchar not null,
    answer            varchar not null,
    variants          varchar not null,
    valid_from        timestamp with time zone,
    valid_until       timestamp with time zone,
    enabled           boolean not null,
    primary key (version_id, faq_id)
);

create table app_user (
    username      varchar(100) primary key,
    password_hash varchar(200) not null,
    role          varchar(30) not null,
    created_at    timestamp with time zone not null
);
