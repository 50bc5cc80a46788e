-- SELECT * of a join whose sides share column names, as a sub-query whose outer query reads the
-- renamed columns, and a view of it.

CREATE VIEW pages (id, url) AS VALUES (1, 'a.html'), (2, 'b.html'), (3, 'c.html');
CREATE VIEW links (id, url) AS VALUES (1, 'x.html'), (1, 'y.html'), (3, 'z.html');
CREATE VIEW joined AS SELECT * FROM pages AS p JOIN links AS l ON p.id = l.id;

SELECT url, url0, id0 FROM (SELECT * FROM joined WHERE id0 > 1);
