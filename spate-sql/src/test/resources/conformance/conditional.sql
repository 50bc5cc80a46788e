-- CASE, COALESCE, NULLIF, IF and IS DISTINCT FROM over rows with NULLs.



SELECT id,
  CASE WHEN score IS NULL THEN 'none' WHEN score >= 50 THEN 'high' ELSE 'low' END AS band,
  COALESCE(nick, name, '?') AS shown,
  NULLIF(score, 0) AS nonzero,
  IF(score > 10, 'big', 'small') AS size,
  score IS DISTINCT FROM 0 AS not_zero,
  CASE name WHEN 'ann' THEN 1 WHEN 'ben' THEN 2 END AS code
FROM (VALUES (1, 'ann', CAST(NULL AS STRING), 70),
             (2, 'ben', 'benny', 0),
             (3, CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS INT)),
             (4, 'dan', 'd', 12)) AS t (id, name, nick, score);
