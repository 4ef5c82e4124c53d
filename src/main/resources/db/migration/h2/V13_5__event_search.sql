-- V13_5: the console's event search (docs/console.md#events) reads domain_event_entry newest first, by global index.
-- By aggregate it already has uk_domain_event_aggregate_sequence; these two serve the other common searches without
-- a walk over the whole store. Each costs one more index entry per appended event.

-- by event type, newest first, and the distinct types the search form offers (one index seek per type)
create index ix_domain_event_type_global_index on domain_event_entry (payload_type, global_index);

-- by time range: Axon writes time_stamp as fixed-width ISO-8601 UTC text (yyyy-MM-ddTHH:mm:ss.SSSZ), so the text
-- order is the time order and a range of instants is a range of this index
create index ix_domain_event_time_stamp on domain_event_entry (time_stamp);
