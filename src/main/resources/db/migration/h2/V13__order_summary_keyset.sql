-- The console pages through the order list by keyset, newest first (io.ordo.order.query.OrderBrowsing): ordered by
-- placing time and then id, so an index on both lets the database read one page from where the last one ended instead
-- of sorting every matching order. One per filter, with the filter's column first.
create index ix_order_summary_newest on order_summary (placed_at desc, order_id desc);
create index ix_order_summary_status_newest on order_summary (status, placed_at desc, order_id desc);
create index ix_order_summary_customer_newest on order_summary (customer_id, placed_at desc, order_id desc);
