-- Makes the rest of this transaction run as an account's database role, with the audit
-- actor set to the account's email (every audited statement names it) and the viewer set to
-- staff (what an editor or admin may read). SET LOCAL: it ends with the transaction.
-- :role 'atlas_editor' | 'atlas_admin' (db/migrations/025_accounts.sql)
-- :actor the account's email
-- :note what the audit log notes for this transaction's statements, or '' for nothing
-- :statement_timeout e.g. '60s'
SELECT set_config('role', :role, true),
       set_config('atlas.actor', :actor, true),
       set_config('atlas.audit_note', :note, true),
       set_config('atlas.viewer_role', 'staff', true),
       set_config('atlas.viewer_country', '', true),
       set_config('statement_timeout', :statement_timeout, true)
