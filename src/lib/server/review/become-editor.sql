-- Makes the rest of this transaction a staff write (review/staff-writer.ts): role
-- atlas_editor (db/migrations/027: reads as the staff viewer, writes only what review
-- changes), the account's email as the audit actor and the step as the audit note
-- (db/migrations/007 reads both), all local to the transaction.
-- :actor  text  the signed-in account's email
-- :note   text  what this step does, in words (the audit log's note)
-- Output: none worth reading.
SELECT set_config('role', 'atlas_editor', true),
       set_config('atlas.viewer_role', 'staff', true),
       set_config('atlas.viewer_country', '', true),
       set_config('atlas.actor', :actor, true),
       set_config('atlas.audit_note', :note, true),
       set_config('statement_timeout', '60s', true)
