-- Changes the audit note for the statements that follow in this transaction.
-- :note  text  what the next statements do
SELECT set_config('atlas.audit_note', :note, true)
