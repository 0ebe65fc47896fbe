-- Supersedes a locked right-of-reply version with a new one: the next version of its
-- thread, with the new wording, unlocked and draft until it is agreed and locked.
-- :id    integer  the locked version's id
-- :body  text     the new wording
-- Columns: id integer, version integer (no row: no such locked version, or it is not the latest)
INSERT INTO atlas.right_of_reply (party_id, response_id, case_id, version, body, visibility, synthetic)
SELECT r.party_id, r.response_id, r.case_id, r.version + 1, :body::text, 'draft', false
FROM atlas.right_of_reply r
WHERE r.id = :id::int AND r.locked_on IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM atlas.right_of_reply later
    WHERE later.party_id = r.party_id AND later.version > r.version
      AND later.response_id IS NOT DISTINCT FROM r.response_id AND later.case_id IS NOT DISTINCT FROM r.case_id)
RETURNING id, version
