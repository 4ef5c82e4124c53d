-- V7: an Idempotency-Key is claimed by one request, named by a random token, for a lease (ordo.idempotency.lease);
-- a claim whose request never answered (a crash, a lost connection) may be taken over when its lease has run out, and
-- only the request holding the claim may answer or release it. Same version for both databases.
alter table idempotency_record add column claim_token varchar(36);
