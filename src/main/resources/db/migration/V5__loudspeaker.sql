-- Circular 39 priority of a publication (the loudspeaker channel plays by it) and a warning people should see.
alter table publication add column priority varchar(20) default 'NORMAL' not null;
alter table publication add column warning text;

-- One row per loudspeaker session that has been built: its lock (select ... for update) serialises the builds of a
-- session across instances, and it keeps when the session was last built.
create table loudspeaker_session (
    channel_id      varchar(64) not null references channel(id),
    session_start   timestamp with time zone not null,
    built_at        timestamp with time zone,
    primary key (channel_id, session_start)
);
