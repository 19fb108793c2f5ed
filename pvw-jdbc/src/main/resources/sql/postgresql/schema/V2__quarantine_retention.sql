-- Quarantine retention: when a run deletes a batch's or a snapshot's quarantined rows because they are older than
-- the retention period, its ledger row records when, so that reconciling the ledger with the quarantine expects
-- none of them any more. Idempotent, like every schema script.
ALTER TABLE core.pageview_batches ADD COLUMN IF NOT EXISTS quarantine_purged_at TIMESTAMP;
ALTER TABLE core.users_snapshots ADD COLUMN IF NOT EXISTS quarantine_purged_at TIMESTAMP;
-- Quarantined rows by run: what retention deletes and what `pvw quarantine --run` lists.
CREATE INDEX IF NOT EXISTS quarantined_pageviews_run ON core.quarantined_pageviews (run_id);
CREATE INDEX IF NOT EXISTS quarantined_users_run ON core.quarantined_users (run_id);
