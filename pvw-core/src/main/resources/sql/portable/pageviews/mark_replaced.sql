UPDATE core.pageview_batches SET replaced_by = :batch_id WHERE batch_id = :replaced_id
