package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink's built-in string functions (issue 30), run in jobs on the embedded cluster. */
class SqlStringBuiltInFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  private Row one(String select) throws Exception {
    List<Row> rows = rows(tEnv.executeSql(select));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void paddingRepeatingAndCuttingGiveFlinksResults() throws Exception {
    Row row = one("""
        SELECT LPAD(s, 4, '??'), LPAD(s, 1, '??'), LPAD(s, -1, 'x'), LPAD(s, 5, ''), LPAD(s, 0, 'x'),
               RPAD(s, 5, 'xy'), REPEAT(s, 3), REPEAT(s, -1), REVERSE('abc'), LEFT('hello', n), LEFT('hello', -1),
               LEFT(s, 9), RIGHT('hello', 3), RIGHT('hello', -2), SUBSTR('hello', 2), SUBSTR('hello', 2, n)
        FROM (VALUES ('hi', 2)) AS v (s, n)""");
    assertThat(row).isEqualTo(Row.of("??hi", "h", null, null, "", "hixyx", "hihihi", "", "cba", "he", "", "hi",
        "llo", "", "ello", "el"));
  }

  @Test
  void positionsCountFromOneAndZeroMeansNotFound() throws Exception {
    Row row = one("""
        SELECT LOCATE('b', s), LOCATE('b', s, 3), LOCATE('x', s), LOCATE('b', s, 0), LOCATE('b', s, 9),
               INSTR(s, 'cb'), INSTR(s, 'z'), LOCATE('ü', 'aüb')
        FROM (VALUES ('abcb')) AS v (s)""");
    assertThat(row).isEqualTo(Row.of(2, 4, 0, 0, 0, 3, 0, 2));
  }

  @Test
  void encodingsAndHashesGiveFlinksText() throws Exception {
    Row row = one("""
        SELECT CHR(65), CHR(321), HEX(255), HEX(-1), HEX('abc'), BIN(12), BIN(0),
               TO_BASE64('hello world'), FROM_BASE64('aGVsbG8gd29ybGQ='), MD5(''), SHA1(''), SHA256(''),
               SHA2('', 256), SHA2('', n)
        FROM (VALUES (224)) AS v (n)""");
    assertThat(row).isEqualTo(Row.of("A", "A", "FF", "FFFFFFFFFFFFFFFF", "616263", "1100", "0",
        "aGVsbG8gd29ybGQ=", "hello world", "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"));
  }

  @Test
  void strToMapSplitsEntriesAndPairs() throws Exception {
    Row row = one("SELECT STR_TO_MAP('a=1,b=2'), STR_TO_MAP('a:1;b', ';', ':'), STR_TO_MAP('')");
    Map<String, String> second = new LinkedHashMap<>();
    second.put("a", "1");
    second.put("b", null);
    assertThat(row.getField(0)).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(row.getField(1)).isEqualTo(second);
    assertThat(row.getField(2)).isEqualTo(Map.of());
  }

  @Test
  void regexpAndSimilarToMatch() throws Exception {
    Row row = one("""
        SELECT REGEXP(s, '[0-9]+'), REGEXP(s, '^[0-9]'), s SIMILAR TO 'a(b|x)%', s NOT SIMILAR TO '_b',
               'a.c' SIMILAR TO 'a.c', 'abc' SIMILAR TO 'a.c', '50%' SIMILAR TO '50!%' ESCAPE '!',
               'ab' SIMILAR TO '[a-c]+', s SIMILAR TO CAST(NULL AS STRING)
        FROM (VALUES ('abc123')) AS v (s)""");
    assertThat(row).isEqualTo(Row.of(true, false, true, true, true, false, true, true, null));
  }

  @Test
  void nullArgumentsGiveNull() throws Exception {
    Row row = one("""
        SELECT LPAD(s, 3, 'x'), RPAD('a', n, 'x'), REPEAT(s, 2), REVERSE(s), LEFT(s, 1), RIGHT('a', n),
               LOCATE(s, 'abc'), INSTR('abc', s), CHR(n), HEX(s), BIN(n), TO_BASE64(s), FROM_BASE64(s), MD5(s),
               SHA256(s), STR_TO_MAP(s), REGEXP(s, 'a')
        FROM (VALUES (CAST(NULL AS STRING), CAST(NULL AS INT))) AS v (s, n)""");
    assertThat(row).isEqualTo(Row.of(null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null));
  }

  @Test
  void hashesAreFixedLengthCharsAndPaddingIsANullableString() {
    TableResult described = tEnv.executeSql("SELECT MD5('a') AS m, SHA1('a') AS s1, LPAD('a', 2, 'b') AS l,"
        + " REPEAT('a', 2) AS r, LOCATE('a', 'b') AS p");
    assertThat(described.getResolvedSchema().toString())
        .contains("`m` CHAR(32) NOT NULL", "`s1` CHAR(40) NOT NULL", "`l` STRING", "`r` STRING NOT NULL",
            "`p` INT NOT NULL");
  }

  @Test
  void aWrongCallNamesTheFunctionAndItsSignatures() {
    assertThatThrownBy(() -> tEnv.executeSql("SELECT LPAD('a')"))
        .hasMessageContaining("LPAD")
        .hasMessageContaining("LPAD(<CHARACTER>, <INTEGER>, <CHARACTER>)");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT LOCATE('a')"))
        .hasMessageContaining("LOCATE")
        .hasMessageContaining("LOCATE(<CHARACTER>, <CHARACTER>, <INTEGER>)");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT REGEXP('a', '(')"))
        .hasMessageContaining("REGEXP: '(' is not a regular expression");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT SHA2('a', 100)"))
        .hasMessageContaining("224, 256, 384 or 512");
  }

  @Test
  void textThatIsNotBase64FailsTheJobNamingTheFunction() {
    assertThatThrownBy(() -> rows(tEnv.executeSql("SELECT FROM_BASE64(s) FROM (VALUES ('@@not base64')) AS v (s)")))
        .hasStackTraceContaining("FROM_BASE64 cannot decode '@@not base64'");
  }
}
