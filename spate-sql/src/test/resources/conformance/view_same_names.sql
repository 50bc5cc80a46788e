-- A view must name its columns apart itself: Flink rejects one whose query names two columns alike.

CREATE VIEW pages (id, url) AS VALUES (1, 'a.html'), (2, 'b.html');
CREATE VIEW links (id, url) AS VALUES (1, 'x.html'), (2, 'y.html');
CREATE VIEW joined AS SELECT p.url, l.url FROM pages AS p JOIN links AS l ON p.id = l.id;

SELECT * FROM joined;
