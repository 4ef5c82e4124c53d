-- V8: the tamper-evident ledger (io.ordo.integrity, docs/integrity.md). Append-only: the sealer inserts, nothing
-- updates or deletes a sealed row. Same version for both databases.

-- One row: how far the ledger reaches. The sealer locks it for each seal transaction, which makes exactly one sealer
-- at a time across instances; the others skip the locked row and try again on their next wake-up.
create table ledger_state (
    id                int    not null,
    ledger_size       bigint not null,
    -- the first global index of domain_event_entry that is not sealed yet (Axon's sequence starts at 1)
    next_global_index bigint not null,
    constraint pk_ledger_state primary key (id)
);
insert into ledger_state (id, ledger_size, next_global_index) values (1, 0, 1);

-- One row per leaf, in ledger order: an event (its global index), or a gap of global indexes that can no longer be
-- filled (global_index .. last_global_index, no event). The columns after last_global_index say what the leaf sealed,
-- so that verification can name what changed; the leaf itself (its hash) is ledger_node level 0.
create table ledger_entry (
    ledger_index         bigint       not null,
    global_index         bigint       not null,
    last_global_index    bigint       not null,
    event_identifier     varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    payload_hash         bytea,
    meta_data_hash       bytea,
    constraint pk_ledger_entry primary key (ledger_index)
);
-- an order's event -> its leaf, for inclusion proofs
create index ix_ledger_entry_aggregate on ledger_entry (aggregate_identifier, sequence_number);

-- Every complete perfect subtree of the Merkle tree: level 0 the leaf hashes, level l covers 2^l leaves from
-- position * 2^l. Any root or proof is O(log n) reads of it.
create table ledger_node (
    level    int        not null,
    position bigint     not null,
    hash     bytea not null,
    constraint pk_ledger_node primary key (level, position)
);

-- Signed tree heads: Ed25519 over the text of docs/integrity.md (origin, tree size, root, time).
create table ledger_checkpoint (
    tree_size bigint       not null,
    root_hash bytea   not null,
    signed_at varchar(40)  not null,
    signature bytea not null,
    constraint pk_ledger_checkpoint primary key (tree_size)
);

-- A payload erased for privacy after sealing: the redacted bytes' hash, signed with the ledger key together with the
-- sealed payload hash, so verification accepts exactly this replacement (and no other change) at that leaf.
create table ledger_erasure (
    ledger_index          bigint        not null,
    redacted_payload_hash bytea        not null,
    erased_at             varchar(40)   not null,
    reason                varchar(255)  not null,
    signature             bytea        not null,
    constraint pk_ledger_erasure primary key (ledger_index)
);
