-- A unit's channels are read on their own for each unit's cadence check: thousands of units in a national check.
create index channel_unit on channel(unit_code);
