-- Quarantine retention: when a run deletes a batch's or a snapshot's quarantined rows because they are older than
-- the retention period, its ledger row records when, so that reconciling the ledger with the quarantine expects
-- none of them any more. Idempotent, like every schema script.
ALTER TABLE core.pageview_batches ADD COLUMN IF NOT EXISTS quarantine_purged_at TIMESTAMP;
ALTER TABLE core.users_snapshots ADD COLUMN IF NOT EXISTS quarantine_purged_at TIMESTAMP;
