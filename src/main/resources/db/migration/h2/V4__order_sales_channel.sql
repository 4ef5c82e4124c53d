-- V4: the channel an order came through (OrderPlaced revision 2). Same version under db/migration/postgresql.
-- Rows written before it are orders placed before channels were recorded: the web shop, as the OrderPlaced upcaster
-- says, so the default fills them in without a replay.
alter table order_detail add column sales_channel varchar(16) default 'web' not null;
