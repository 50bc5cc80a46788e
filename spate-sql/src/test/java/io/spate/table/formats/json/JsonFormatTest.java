package io.spate.table.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The json format's text forms and options, as Flink's json format has them. */
class JsonFormatTest {

  private static RowType row(LogicalType... types) {
    return RowType.of(types);
  }

  private static String write(RowType type, Row row, TimestampFormat format, MapNullKeyMode mode, boolean plain,
      boolean skipNulls) {
    return new String(new JsonRowDataSerializationSchema(type, format, mode, "null", plain, skipNulls).serialize(row),
        StandardCharsets.UTF_8);
  }

  private static Row read(RowType type, String json, TimestampFormat format) throws Exception {
    return new JsonRowDataDeserializationSchema(type, TypeInfos.ofRow(type), false, false, format)
        .deserialize(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void timestampsAreWrittenInTheSqlOrIsoFormatWithAsManyFractionDigitsAsNeeded() throws Exception {
    RowType type = row(new TimestampType(3), new LocalZonedTimestampType(3));
    Row value = Row.of(LocalDateTime.of(2024, 1, 31, 12, 30, 0, 500_000_000), Instant.parse("2024-01-31T12:30:00Z"));
    assertThat(write(type, value, TimestampFormat.SQL, MapNullKeyMode.FAIL, false, false))
        .isEqualTo("{\"f0\":\"2024-01-31 12:30:00.5\",\"f1\":\"2024-01-31 12:30:00Z\"}");
    assertThat(write(type, value, TimestampFormat.ISO_8601, MapNullKeyMode.FAIL, false, false))
        .isEqualTo("{\"f0\":\"2024-01-31T12:30:00.5\",\"f1\":\"2024-01-31T12:30:00Z\"}");
    assertThat(read(type, "{\"f0\":\"2024-01-31 12:30:00.123456\",\"f1\":\"2024-01-31 12:30:00.5Z\"}",
        TimestampFormat.SQL)).isEqualTo(Row.of(LocalDateTime.of(2024, 1, 31, 12, 30, 0, 123_000_000),
            Instant.parse("2024-01-31T12:30:00.500Z")));
  }

  @Test
  void aTimestampInTheOtherStandardFailsNamingTheFieldAndTheExpectedForm() {
    RowType type = RowType.of(new LogicalType[] {new TimestampType(3)}, new String[] {"ts"});
    assertThatThrownBy(() -> read(type, "{\"ts\":\"2024-01-31T12:30:00\"}", TimestampFormat.SQL))
        .hasMessageContaining("field 'ts' (TIMESTAMP(3))").hasMessageContaining("yyyy-MM-dd HH:mm:ss[.fraction]");
  }

  @Test
  void mapNullKeysFailOrAreDroppedOrWrittenAsTheLiteral() {
    RowType type = row(new MapType(new VarCharType(VarCharType.MAX_LENGTH), new IntType()));
    Map<String, Integer> map = new HashMap<>();
    map.put(null, 1);
    map.put("a", 2);
    assertThatThrownBy(() -> write(type, Row.of(map), TimestampFormat.SQL, MapNullKeyMode.FAIL, false, false))
        .hasMessageContaining("NULL key").hasMessageContaining("json.map-null-key.mode");
    assertThat(write(type, Row.of(map), TimestampFormat.SQL, MapNullKeyMode.DROP, false, false))
        .isEqualTo("{\"f0\":{\"a\":2}}");
    assertThat(write(type, Row.of(map), TimestampFormat.SQL, MapNullKeyMode.LITERAL, false, false))
        .contains("\"null\":1").contains("\"a\":2");
  }

  @Test
  void decimalsAndNullFieldsFollowTheEncodeOptions() {
    RowType type = row(new DecimalType(10, 0), new BigIntType());
    Row value = Row.of(new BigDecimal("1E+3"), null);
    assertThat(write(type, value, TimestampFormat.SQL, MapNullKeyMode.FAIL, true, false))
        .isEqualTo("{\"f0\":1000,\"f1\":null}");
    assertThat(write(type, value, TimestampFormat.SQL, MapNullKeyMode.FAIL, false, true)).isEqualTo("{\"f0\":1E+3}");
  }

  @Test
  void numbersAreReadFromStringsAnyJsonFromAStringColumnAndBytesFromBase64() throws Exception {
    RowType type = row(new IntType(), new VarCharType(VarCharType.MAX_LENGTH), new VarBinaryType(10),
        new DecimalType(3, 1));
    Row read = read(type, "{\"f0\":\"42\",\"f1\":{\"a\":[1,2]},\"f2\":\"AQI=\",\"f3\":12345}", TimestampFormat.SQL);
    assertThat(read.getField(0)).isEqualTo(42);
    assertThat(read.getField(1)).isEqualTo("{\"a\":[1,2]}");
    assertThat((byte[]) read.getField(2)).containsExactly(1, 2);
    assertThat(read.getField(3)).as("too many digits for DECIMAL(3, 1)").isNull();
  }

  @Test
  void ignoredParseErrorsGiveNoRowAndAreCounted() throws Exception {
    RowType type = row(new IntType());
    JsonRowDataDeserializationSchema schema = new JsonRowDataDeserializationSchema(type, TypeInfos.ofRow(type), false,
        true, TimestampFormat.SQL);
    assertThat(schema.deserialize("{\"f0\": \"x\"}".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(schema.deserialize("[1]".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(schema.deserialize("{\"f0\": 1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Row.of(1));
    io.spate.api.metrics.Counter skipped = io.spate.connectors.formats.MalformedRecords.unregistered();
    schema.setMalformedRecordsCounter(skipped);
    assertThat(schema.deserialize("nope".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(skipped.getCount()).isEqualTo(1);
  }
}
