-- V2: what fulfilment added (the order's payment and stock state, the products read model, db-scheduler's table
-- for durable deadlines) and the idempotency keys of POST requests. Same version under db/migration/postgresql.

-- ---------------------------------------------------------------------------------------------------------------
-- Order detail: payment and reservation state. Statuses are plain text, so a new one needs no schema change.
-- ---------------------------------------------------------------------------------------------------------------
alter table order_detail add column payment_status varchar(16);
alter table order_detail add column stock_status varchar(16);
alter table order_detail add column rejection_reason varchar(500);

-- ---------------------------------------------------------------------------------------------------------------
-- Products read model: the catalog with available, reserved and committed stock
-- ---------------------------------------------------------------------------------------------------------------
create table product_summary (
    product_id   varchar(255)   not null,
    name         varchar(255)   not null,
    unit_price   numeric(19, 2) not null,
    currency     varchar(3)     not null,
    available    integer        not null,
    reserved     integer        not null,
    committed    integer        not null,
    discontinued boolean        not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint         not null,
    constraint pk_product_summary primary key (product_id)
);

-- ---------------------------------------------------------------------------------------------------------------
-- db-scheduler: durable deadlines (Axon's DbSchedulerDeadlineManager), e.g. the payment time-out
-- ---------------------------------------------------------------------------------------------------------------
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            blob,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(50),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);

-- ---------------------------------------------------------------------------------------------------------------
-- Idempotency-Key: the first answer to a POST, kept for ordo.idempotency.retention
-- ---------------------------------------------------------------------------------------------------------------
create table idempotency_record (
    idempotency_key varchar(300)   not null,
    request_hash    varchar(64)    not null,
    status          integer        not null,
    content_type    varchar(200),
    location        varchar(2000),
    body            varchar(65536),
    expires_at      timestamp(6) with time zone not null,
    constraint pk_idempotency_record primary key (idempotency_key)
);
create index ix_idempotency_expires on idempotency_record (expires_at);
