-- TikTok tokens, one row per channel. TikTok rotates the refresh token on every refresh (the one sent stops working
-- once a new one is issued), so each refresh stores the new one here, under a row lock, before the new access token is
-- used: the same scheme as zalo_token. Both tokens are sealed with AES-256-GCM (key from the variable the channel's
-- tokenKeyEnv names); seed_hash is the SHA-256 of the refresh token last taken from the environment, so that a person
-- who re-authorises the account can hand Herald a new one.
create table tiktok_token (
    channel_id        varchar(64)  primary key references channel(id),
    refresh_token_enc text         not null,
    access_token_enc  text,
    access_expires_at timestamp with time zone,
    seed_hash         varchar(64)  not null,
    refreshed_at      timestamp with time zone,
    updated_at        timestamp with time zone not null
);
