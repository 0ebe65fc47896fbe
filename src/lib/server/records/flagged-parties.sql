-- Every red-flagged party the viewer may see, with the reason for the flag, the cases naming
-- it and the transfers it sent or received (row security hides hidden parties, cases and
-- transfers alike).
-- Parameters: none.
-- Columns:
--   party  json  FlaggedParty (src/lib/api/records.ts)
SELECT json_build_object(
  'id', p.id, 'name', p.name, 'kind', p.kind, 'iso3', p.country_iso3, 'synthetic', p.synthetic,
  'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason,
  'country', CASE WHEN c.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', c.iso3, 'name', c.name) END,
  'cases', (SELECT count(DISTINCT cp.case_id) FROM atlas.case_parties cp WHERE cp.party_id = p.id),
  'transfersSent', (SELECT count(*) FROM atlas.transfers t WHERE t.from_party_id = p.id),
  'transfersReceived', (SELECT count(*) FROM atlas.transfers t WHERE t.to_party_id = p.id)
) AS party
FROM atlas.parties p
LEFT JOIN atlas.countries c ON c.iso3 = p.country_iso3
WHERE p.red_flag
ORDER BY p.synthetic, p.name, p.id
