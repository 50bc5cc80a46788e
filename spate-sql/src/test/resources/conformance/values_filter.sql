-- Arithmetic and filters over an inline VALUES table.



SELECT id, name, score * 2 AS doubled, score / 4 AS quarter, score % 7 AS rest
FROM (VALUES (1, 'ann', 40), (2, 'ben', 17), (3, 'cid', 23), (4, 'dan', 8)) AS t (id, name, score)
WHERE score > 10 AND name <> 'cid';
