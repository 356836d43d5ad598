-- A conversation an agent transferred to a team: routing gives it only to that team's agents (not back to the sender).
create table routing_team_request (
    conversation_id varchar(100) primary key,
    team            varchar(100) not null,
    requested_by    varchar(100) not null,
    requested_at    timestamp    not null
);
