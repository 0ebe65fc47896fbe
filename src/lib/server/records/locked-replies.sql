-- Locked right-of-reply texts attached to any of the given trace responses or cases: the
-- only wording the portal may publish. Drafts (locked_on IS NULL) never leave the database.
-- Parameters (named slots, sqlTemplate):
--   response_ids  integer[]  trace response ids
--   case_ids      integer[]  case ids
-- Columns:
--   reply  json  RightOfReply (src/lib/api/records.ts)
SELECT json_build_object(
  'id', r.id,
  'party', json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'iso3', p.country_iso3, 'synthetic', p.synthetic,
    'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason),
  'responseId', r.response_id, 'caseId', r.case_id, 'version', r.version, 'body', r.body, 'lockedOn', r.locked_on,
  'superseded', EXISTS (
    SELECT 1 FROM atlas.right_of_reply later
    WHERE later.party_id = r.party_id AND later.locked_on IS NOT NULL AND later.version > r.version
      AND later.response_id IS NOT DISTINCT FROM r.response_id AND later.case_id IS NOT DISTINCT FROM r.case_id),
  'synthetic', r.synthetic
) AS reply
FROM atlas.right_of_reply r
JOIN atlas.parties p ON p.id = r.party_id
WHERE r.locked_on IS NOT NULL
  AND (r.response_id = ANY(:response_ids::int[]) OR r.case_id = ANY(:case_ids::int[]))
ORDER BY r.party_id, r.response_id, r.case_id, r.version DESC
