-- Engagement read back from the platforms (and counted by Herald for the built-in portal and the loudspeakers).

-- Each post's figures as read on a day (the unit's date): a later reading of the same day replaces the earlier one,
-- the days before stay as history. Values are the platform's totals as of the reading, not the day's increase.
create table engagement_figure (
    publication_id bigint       not null references publication(id),
    on_day         date         not null,
    metric         varchar(32)  not null,
    channel_id     varchar(64)  not null,
    unit_code      varchar(64)  not null,
    amount         bigint       not null,
    read_at        timestamp with time zone not null,
    primary key (publication_id, on_day, metric)
);
create index engagement_figure_unit_day on engagement_figure (unit_code, on_day);

-- The channel's own figures (followers) as read on a day.
create table channel_figure (
    channel_id varchar(64) not null references channel(id),
    on_day     date        not null,
    metric     varchar(32) not null,
    amount     bigint      not null,
    read_at    timestamp with time zone not null,
    primary key (channel_id, on_day, metric)
);

-- The last reading's outcome per channel: OK, NOT_AVAILABLE (a refusal code and its arguments as JSON), RETRY_LATER
-- (retry_at), NEEDS_ATTENTION (reason), DRY_RUN. since: when this outcome began, so a trouble is told once.
create table engagement_state (
    channel_id varchar(64)  not null primary key references channel(id),
    state      varchar(20)  not null,
    code       varchar(64),
    args       varchar(2000),
    reason     varchar(2000),
    retry_at   timestamp with time zone,
    since      timestamp with time zone not null,
    read_at    timestamp with time zone not null
);

-- One night's collection of one channel, its progress durable: the posts are read in publication id order after
-- cursor_id; a claim (claimed_until) lets one instance at a time call the platform for it.
create table engagement_run (
    channel_id    varchar(64) not null references channel(id),
    on_day        date        not null,
    state         varchar(20) not null,
    cursor_id     bigint      not null,
    calls         int         not null,
    next_call_at  timestamp with time zone not null,
    window_end    timestamp with time zone not null,
    claimed_by    varchar(100),
    claimed_until timestamp with time zone,
    updated_at    timestamp with time zone not null,
    primary key (channel_id, on_day)
);
create index engagement_run_due on engagement_run (state, next_call_at);

-- Views of the built-in portal's article pages, counted by Herald per publication and day (no person's data).
create table portal_view (
    publication_id bigint not null,
    on_day         date   not null,
    views          bigint not null,
    primary key (publication_id, on_day)
);

-- A channel's posts read in id order from a cursor: without it PostgreSQL may walk the whole primary key
create index publication_channel_id on publication (channel_id, id);
