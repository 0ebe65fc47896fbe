-- How many rows the item export of a Filter holds: the facts it selects (export-items.sql
-- reads the same rows, joined only to name them).
-- Parameters: :filter (Filter condition over item_facts f).
-- Columns: items integer.
SELECT count(*)::int AS items FROM atlas.item_facts f WHERE :filter
