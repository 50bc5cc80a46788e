-- A join's select list that names two columns alike: Flink renames the later ones apart (url0, then url00
-- where url0 is taken), also when the list repeats an aggregate.

CREATE VIEW pages (id, url) AS VALUES (1, 'a.html'), (2, 'b.html'), (3, 'c.html');
CREATE VIEW links (id, url) AS VALUES (1, 'x.html'), (1, 'y.html'), (3, 'z.html');

SELECT p.url, l.url, p.url AS url0, COUNT(*), l.id AS URL, COUNT(*)
FROM pages AS p
JOIN links AS l ON p.id = l.id
GROUP BY p.url, l.url, l.id;
