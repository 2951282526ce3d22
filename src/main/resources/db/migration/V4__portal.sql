-- The built-in portal's own store: the live copy of each piece it shows, one row per piece, written by its adapter.
-- Whether a row is shown is read from the publication and the piece at request time, so a cancellation or an
-- archive takes effect at once.

create table portal_article (
    piece_id           bigint        primary key references piece(id),
    slug               varchar(200)  not null unique,
    channel_id         varchar(64)   not null references channel(id),
    publication_id     bigint        not null references publication(id),
    page               text          not null,
    topic_keys         text          not null,
    asset_keys         text          not null,
    first_published_at timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
create index portal_article_first_published on portal_article(first_published_at);
create index portal_article_publication on portal_article(publication_id);
