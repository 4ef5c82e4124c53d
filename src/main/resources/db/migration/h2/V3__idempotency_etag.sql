-- V3: a kept answer to an Idempotency-Key request also keeps its ETag (the aggregate version), so a replayed answer
-- still tells the client which version to send in If-Match. Same version for both databases.
alter table idempotency_record add column etag varchar(200);
