-- A VIDEO piece keeps its video and its WebVTT captions as assets; its poster is the piece's cover.
alter table piece add column video_asset_id bigint references asset(id);
alter table piece add column captions_asset_id bigint references asset(id);
