-- Names who writes in this transaction, for the audit log's statement triggers (007).
-- :actor (an account's email, or 'cli:<os user>'), :note (e.g. 'import 12').
SELECT set_config('atlas.actor', :actor, true), set_config('atlas.audit_note', :note, true)
