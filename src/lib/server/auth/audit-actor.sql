-- Names who writes for the rest of this transaction: every audited statement records this
-- actor and note (atlas.audit_statement, db/migrations/025). SET LOCAL: ends with the transaction.
-- :actor who (an account's email, or a command and its user)
-- :note what the audit log notes on each entry, or '' for nothing
SELECT set_config('atlas.actor', :actor, true), set_config('atlas.audit_note', :note, true)
