-- CROSS JOIN UNNEST of arrays (WITH ORDINALITY fails inside Flink 1.20's planner here, so it is left out).

CREATE VIEW baskets AS
SELECT * FROM (VALUES (1, ARRAY['apple', 'pear']), (2, ARRAY['fig', 'plum']), (3, ARRAY['kiwi', 'lime', 'date'])) AS t (basket_id, items);

SELECT b.basket_id, t.item, UPPER(t.item) AS shout
FROM baskets AS b
CROSS JOIN UNNEST(b.items) AS t (item)
WHERE t.item <> 'lime';
