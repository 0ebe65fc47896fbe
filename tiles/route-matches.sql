-- Layer `routes`, slot :matches from item rows: the items matching the Filter of the
-- consignment of route r recovered at its site (routes.sql asks whether there is one).
-- Parameters: :filter (Filter condition over atlas.item_facts f).
SELECT 1 FROM atlas.item_facts f
WHERE f.consignment_id = r.consignment_id
  AND f.site_id = r.site_id
  AND :filter
