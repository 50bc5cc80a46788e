-- Rejected at run time: CAST of a string that is no number (TRY_CAST would give NULL).



SELECT CAST(s AS INT) AS i FROM (VALUES ('12'), ('twelve')) AS t (s);
