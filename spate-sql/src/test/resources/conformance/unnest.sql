-- CROSS JOIN UNNEST of arrays, and UNNEST WITH ORDINALITY.

CREATE VIEW baskets (basket_id, items) AS
VALUES (1, ARRAY['apple', 'pear']), (2, ARRAY['fig']), (3, ARRAY['kiwi', 'lime', 'apple']);

SELECT b.basket_id, t.item, t.pos
FROM baskets AS b
CROSS JOIN UNNEST(b.items) WITH ORDINALITY AS t (item, pos)
WHERE t.item <> 'lime';
