-- The ids of the trace requests the Filter selects, worked out once for the request and
-- factor charts. On its own statement because the two plans want opposite join methods:
-- this one is a per-request index probe into the request's items (nested loops: 3k probes),
-- while the chart grouping below it joins parties and countries, where row security hides
-- the row counts from the planner and nested loops compared 373 parties with every request
-- (650k comparisons). Forcing hash joins on the whole query instead made the probe a scan
-- of every matching item (0.9 s at 880k items).
-- Parameters: :request_filter (Filter condition over trace_requests r).
-- Columns: ids int[].
SELECT coalesce(array_agg(r.id), '{}')::int[] AS ids FROM atlas.trace_requests r WHERE :request_filter
