-- V13_5: the console's event search (docs/console.md#events) reads domain_event_entry newest first. By aggregate it
-- walks uk_domain_event_aggregate_sequence; these two serve the other common searches, each read in index order from
-- the newest end and stopped after a page, never a sort of every match. Each costs one more index entry per event.
-- Axon writes time_stamp as fixed-width ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.SSSZ), so the text order is the time
-- order and a time range is a range of these indexes; global_index breaks ties of the same millisecond.

-- everything, or a time range, newest first
create index ix_domain_event_time on domain_event_entry (time_stamp, global_index);

-- one event type, with or without a time range, newest first; also the distinct types the form offers (one seek each)
create index ix_domain_event_type_time on domain_event_entry (payload_type, time_stamp, global_index);
