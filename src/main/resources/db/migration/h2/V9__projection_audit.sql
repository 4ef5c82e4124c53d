-- V9: the last finished audit of each projection (POST /api/admin/projections/{name}/audit), as the JSON the API
-- answers, so that every instance shows it and a restart keeps it. The shadow tables an audit rebuilds are not here:
-- each audit makes them from the live tables' shape and drops them, so they can never drift from them.
create table projection_audit (
    projection  varchar(64)              not null,
    finished_at timestamp with time zone not null,
    result      character large object   not null,
    constraint pk_projection_audit primary key (projection)
);
