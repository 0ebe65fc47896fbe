-- Right-of-reply versions for the editors' page: every thread's versions, drafts (not yet
-- locked) first, then newest lock. Runs as staff (every row visible).
-- :limit  integer  how many versions to list
-- Columns: reply  json  ReviewReply (src/lib/api/review.ts)
SELECT json_build_object('id', r.id, 'party', json_build_object('id', p.id, 'name', p.name),
  'responseId', r.response_id, 'caseId', r.case_id, 'version', r.version, 'body', r.body,
  'lockedOn', r.locked_on, 'visibility', r.visibility,
  'superseded', EXISTS (SELECT 1 FROM atlas.right_of_reply later
    WHERE later.party_id = r.party_id AND later.version > r.version
      AND later.response_id IS NOT DISTINCT FROM r.response_id AND later.case_id IS NOT DISTINCT FROM r.case_id)) AS reply
FROM atlas.right_of_reply r JOIN atlas.parties p ON p.id = r.party_id
ORDER BY r.locked_on IS NOT NULL, r.locked_on DESC, r.id DESC
LIMIT :limit
