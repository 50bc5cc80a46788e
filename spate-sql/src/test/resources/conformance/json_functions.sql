-- JSON functions on strings holding JSON.



SELECT id,
  JSON_VALUE(doc, '$.name') AS name,
  JSON_VALUE(doc, '$.age' RETURNING INT) AS age,
  JSON_VALUE(doc, '$.missing' DEFAULT 'n/a' ON EMPTY) AS missing,
  JSON_QUERY(doc, '$.tags') AS tags,
  JSON_EXISTS(doc, '$.tags[1]') AS has_second_tag,
  doc IS JSON AS valid,
  JSON_OBJECT('id' VALUE id, 'name' VALUE JSON_VALUE(doc, '$.name')) AS rebuilt,
  JSON_ARRAY(id, 'x', TRUE) AS arr,
  JSON_STRING(id) AS id_json
FROM (VALUES (1, '{"name":"ann","age":31,"tags":["a","b"]}'),
             (2, '{"name":"ben","tags":["c"]}'),
             (3, 'oops')) AS t (id, doc);
