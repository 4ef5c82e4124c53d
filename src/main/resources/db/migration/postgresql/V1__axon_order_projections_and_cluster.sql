-- Ordo's schema as of V1, for PostgreSQL. Generated from the JPA mappings (Hibernate 6.6 with
-- io.ordo.platform.storage.ByteaPostgreSQLDialect) and then tuned by hand; spring.jpa.hibernate.ddl-auto=validate
-- checks at every start that the mappings and this schema still agree. Never edit a migration that has run
-- anywhere: add V2__..., V3__... beside it (and the same version under db/migration/h2).

-- ---------------------------------------------------------------------------------------------------------------
-- Axon Framework: event store
-- ---------------------------------------------------------------------------------------------------------------

-- One id per call (META-INF/orm.xml sets allocation size 1): indexes are handed out in the order transactions ask
-- for them, so the processors see few gaps, and only those of transactions still in flight or rolled back.
create sequence domain_event_global_index_seq start with 1 increment by 1;

-- Payloads and metadata are bytea, stored in the row (TOASTed when large), never PostgreSQL large objects.
create table domain_event_entry (
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    constraint pk_domain_event_entry primary key (global_index),
    -- two writers appending the same sequence number to one aggregate: the second fails, which is how Axon detects
    -- a concurrent modification across instances
    constraint uk_domain_event_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint uk_domain_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    -- aggregate first: the store looks snapshots up by aggregate identifier
    constraint pk_snapshot_event_entry primary key (aggregate_identifier, sequence_number, type),
    constraint uk_snapshot_event_identifier unique (event_identifier)
);

-- ---------------------------------------------------------------------------------------------------------------
-- Axon Framework: event processors, sagas, dead letters
-- ---------------------------------------------------------------------------------------------------------------

-- One row per processor segment; owner and timestamp are the claim that keeps two instances off one segment.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token_type     varchar(255),
    token          bytea,
    constraint pk_token_entry primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    revision        varchar(255),
    serialized_saga bytea,
    constraint pk_saga_entry primary key (saga_id)
);

-- Hibernate's default pooled generator: the increment must equal its allocation size of 50.
create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint pk_association_value_entry primary key (id)
);
create index ix_association_value_lookup on association_value_entry (saga_type, association_key, association_value);
create index ix_association_value_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id       varchar(255)  not null,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint pk_dead_letter_entry primary key (dead_letter_id),
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_group on dead_letter_entry (processing_group);
create index ix_dead_letter_group_sequence on dead_letter_entry (processing_group, sequence_identifier);

-- ---------------------------------------------------------------------------------------------------------------
-- Order projections (io.ordo.order.query): caches of the event store, rebuilt by replay
-- ---------------------------------------------------------------------------------------------------------------

-- status is a plain varchar without a check constraint, so a new status needs no migration
create table order_summary (
    order_id    varchar(255)   not null,
    customer_id varchar(255)   not null,
    status      varchar(16)    not null,
    line_count  integer        not null,
    total       numeric(19, 2) not null,
    currency    varchar(3)     not null,
    placed_at   timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint         not null,
    constraint pk_order_summary primary key (order_id)
);
create index ix_order_summary_placed on order_summary (placed_at);
create index ix_order_summary_status on order_summary (status, placed_at);
create index ix_order_summary_customer on order_summary (customer_id, placed_at);

create table order_detail (
    order_id            varchar(255)   not null,
    customer_id         varchar(255)   not null,
    status              varchar(16)    not null,
    currency            varchar(3)     not null,
    total               numeric(19, 2) not null,
    ship_to_name        varchar(255),
    ship_to_street      varchar(255),
    ship_to_postal_code varchar(255),
    ship_to_city        varchar(255),
    ship_to_country     varchar(255),
    carrier             varchar(255),
    tracking_number     varchar(255),
    cancellation_reason varchar(500),
    placed_at           timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    version             bigint         not null,
    constraint pk_order_detail primary key (order_id)
);

create table order_detail_line (
    order_id     varchar(255)   not null,
    position     integer        not null,
    product_id   varchar(255)   not null,
    product_name varchar(255)   not null,
    quantity     integer        not null,
    unit_price   numeric(19, 2) not null,
    -- order first: an order's lines are read and replaced together
    constraint pk_order_detail_line primary key (order_id, position),
    constraint fk_order_detail_line_order foreign key (order_id) references order_detail (order_id)
);

create table customer_order (
    order_id    varchar(255) not null,
    customer_id varchar(255) not null,
    placed_at   timestamp(6) with time zone not null,
    constraint pk_customer_order primary key (order_id)
);
create index ix_customer_order_customer on customer_order (customer_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Instances sharing this database (io.ordo.platform.cluster): each one refreshes its row while it runs, and the
-- processors divide their segments by the number of fresh rows.
-- ---------------------------------------------------------------------------------------------------------------

create table cluster_node (
    node_id      varchar(255) not null,
    heartbeat_at timestamp(6) with time zone not null,
    constraint pk_cluster_node primary key (node_id)
);
