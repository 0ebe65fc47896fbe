-- How much of a stored date its source gives. A published record often names a year, a
-- period or nothing at all; the row must say so instead of showing an invented day.
-- NULL = the day as stored; 'month' / 'year' = only that month or year (stored as its first
-- day); 'unpublished' = the source gives no date: the stored one is a placeholder inside the
-- bounds the record allows, kept so the row can be counted in a year, and never shown.
DO $$
DECLARE
  target text[][] := ARRAY[
    ARRAY['documentation_events', 'documented_on_precision'],
    ARRAY['trace_requests', 'issued_on_precision'],
    ARRAY['trace_responses', 'received_on_precision']];
BEGIN
  FOR i IN 1 .. array_length(target, 1) LOOP
    EXECUTE format('ALTER TABLE atlas.%I ADD COLUMN IF NOT EXISTS %I text', target[i][1], target[i][2]);
    EXECUTE format('ALTER TABLE atlas.%I DROP CONSTRAINT IF EXISTS %I', target[i][1], target[i][2] || '_known');
    EXECUTE format($f$ALTER TABLE atlas.%I ADD CONSTRAINT %I CHECK (%I IN ('month', 'year', 'unpublished'))$f$,
      target[i][1], target[i][2] || '_known', target[i][2]);
  END LOOP;
END $$;

-- The older flag said "year only"; it is the same as precision 'year'.
UPDATE atlas.trace_requests SET issued_on_precision = 'year'
WHERE issued_on_approximate AND issued_on_precision IS NULL;
