-- Locks an agreed right-of-reply version with today's date: from then on the database
-- refuses any change to it (006, 027). A version that supersedes a published one takes its
-- visibility, so the agreed new wording replaces the old where the old was shown.
-- :id  integer  the version's id
-- Columns: id integer, locked_on date (no row: no such version, or already locked)
UPDATE atlas.right_of_reply r SET locked_on = current_date,
  visibility = greatest(r.visibility, coalesce((SELECT max(e.visibility) FROM atlas.right_of_reply e
    WHERE e.party_id = r.party_id AND e.version < r.version
      AND e.response_id IS NOT DISTINCT FROM r.response_id AND e.case_id IS NOT DISTINCT FROM r.case_id), 'draft'))
WHERE r.id = :id::int AND r.locked_on IS NULL
RETURNING r.id, r.locked_on
