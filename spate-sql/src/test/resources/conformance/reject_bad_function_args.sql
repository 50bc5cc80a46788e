-- Rejected: a function called with an argument of the wrong type.



SELECT SUBSTRING(x, 'a') AS s FROM (VALUES ('abc')) AS t (x);
