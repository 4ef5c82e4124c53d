-- V12: the analytics read model (io.ordo.analytics.query, processor "analytics"): a cache of the event store, rebuilt
-- by replay. One row per order with the time of each step it reached, in epoch milliseconds, so that buckets (minute,
-- hour, day in UTC) and step durations are integer arithmetic that H2 and PostgreSQL compute alike; every figure is a
-- query over the orders placed in the asked window or a sum of the buckets below, exact, and a replay gives the same.
create table analytics_order (
    order_id     varchar(255)   not null,
    customer_id  varchar(255)   not null,
    currency     varchar(3)     not null,
    total        numeric(19, 2) not null,
    placed_ms    bigint         not null,
    confirmed_ms bigint,
    paid_ms      bigint,
    shipped_ms   bigint,
    delivered_ms bigint,
    -- CANCELLED or REJECTED once the order left the funnel, the status it left from and why (a reason code)
    exit_kind    varchar(16),
    exit_from    varchar(16),
    exit_reason  varchar(100),
    updated_at   timestamp(6) with time zone not null,
    version      bigint         not null,
    constraint pk_analytics_order primary key (order_id)
);
create index ix_analytics_order_placed on analytics_order (placed_ms);
create index ix_analytics_order_customer on analytics_order (customer_id, placed_ms);

-- one row per product of an order; a removed line keeps its row with quantity 0. line_key is the order id and the
-- product id joined by a unit separator (U+001F), the single-column key the batched row writer reads rows by
create table analytics_order_line (
    line_key     varchar(520)   not null,
    order_id     varchar(255)   not null,
    product_id   varchar(255)   not null,
    product_name varchar(255)   not null,
    quantity     integer        not null,
    unit_price   numeric(19, 4) not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint         not null,
    constraint pk_analytics_order_line primary key (line_key)
);
create index ix_analytics_order_line_order on analytics_order_line (order_id);

-- each product's stock as its latest event says it, for low and fully reserved stock
create table analytics_stock (
    product_id   varchar(255)   not null,
    name         varchar(255)   not null,
    available    integer        not null,
    reserved     integer        not null,
    discontinued boolean        not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint         not null,
    constraint pk_analytics_stock primary key (product_id)
);
create index ix_analytics_stock_available on analytics_stock (available);

-- Pre-summed buckets, kept by the projection in the batch that changes an order (the difference of the order's
-- contribution before and after each event it applies), so that a figure is a sum over a few hundred bucket rows
-- whatever the number of orders in the window. Every bucket is kept at three widths (width_ms: a minute, an hour, a
-- day, in UTC) and keyed by the placement time of its orders; slice (0-15, from the order id's hash as the
-- processor's segments split orders) keeps two segments from ever incrementing the same row.
create table analytics_sales_bucket (
    width_ms     bigint         not null,
    bucket_ms    bigint         not null,
    slice        integer        not null,
    currency     varchar(3)     not null,
    orders       bigint         not null,
    lost         bigint         not null,
    revenue      numeric(21, 4) not null,
    confirmed    bigint         not null,
    paid         bigint         not null,
    shipped      bigint         not null,
    delivered    bigint         not null,
    constraint pk_analytics_sales_bucket primary key (width_ms, bucket_ms, slice, currency)
);

-- orders that left the funnel, by how, from which status and why
create table analytics_exit_bucket (
    width_ms     bigint         not null,
    bucket_ms    bigint         not null,
    slice        integer        not null,
    exit_kind    varchar(16)    not null,
    exit_from    varchar(16)    not null,
    exit_reason  varchar(100)   not null,
    orders       bigint         not null,
    constraint pk_analytics_exit_bucket primary key (width_ms, bucket_ms, slice, exit_kind, exit_from, exit_reason)
);

-- units and revenue of each product in the orders not lost
create table analytics_product_bucket (
    width_ms     bigint         not null,
    bucket_ms    bigint         not null,
    slice        integer        not null,
    product_id   varchar(255)   not null,
    currency     varchar(3)     not null,
    product_name varchar(255)   not null,
    units        bigint         not null,
    revenue      numeric(21, 4) not null,
    constraint pk_analytics_product_bucket primary key (width_ms, bucket_ms, slice, product_id, currency)
);

-- a histogram of each step's time: bin_ms is the lower bound of a log-linear bin (the duration's 8 leading bits)
create table analytics_time_bucket (
    width_ms     bigint         not null,
    bucket_ms    bigint         not null,
    slice        integer        not null,
    step         varchar(16)    not null,
    bin_ms       bigint         not null,
    orders       bigint         not null,
    constraint pk_analytics_time_bucket primary key (width_ms, bucket_ms, slice, step, bin_ms)
);
