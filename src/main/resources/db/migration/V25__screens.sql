-- The kiosk address of each SCREEN channel, read without a login at /screen/{token}. As for ical_feed, the token is
-- kept only as its SHA-256 (to find the screen) and sealed under the key outside the database (to show it again).
create table screen_feed (
    channel_id   varchar(64)  not null primary key,
    token_hash   varchar(64)  not null,
    token_sealed varchar(200) not null,
    issued_at    timestamp with time zone not null,
    constraint screen_feed_token unique (token_hash)
);
