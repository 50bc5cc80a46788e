package io.spate.table.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.VarCharType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The csv format's text forms, NULLs and empty strings, quoting and comments. */
class CsvFormatTest {

  private static final CsvDialect COMMA = new CsvDialect(',', '"', (char) 0);

  private static String write(RowType type, Row row, String nullLiteral) {
    return new String(new CsvRowDataSerializationSchema(type, COMMA, new CsvValueConverters(";", nullLiteral, true),
        nullLiteral, false).serialize(row), StandardCharsets.UTF_8);
  }

  private static CsvRowDataDeserializationSchema reader(RowType type, String nullLiteral, boolean comments) {
    return new CsvRowDataDeserializationSchema(type, TypeInfos.ofRow(type), COMMA,
        new CsvValueConverters(";", nullLiteral, true), nullLiteral, comments, false);
  }

  private static Row read(RowType type, String text, String nullLiteral) throws Exception {
    return reader(type, nullLiteral, false).deserialize(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void valuesAreWrittenAsFlinksCsvFormatWritesThem() {
    RowType type = RowType.of(new TimestampType(3), new LocalZonedTimestampType(3), new ArrayType(new IntType()),
        new VarCharType(VarCharType.MAX_LENGTH));
    Row row = Row.of(LocalDateTime.of(2024, 1, 31, 12, 30), Instant.parse("2024-01-31T12:30:00.250Z"),
        new Integer[] {1, null, 3}, "say \"hi\", then go");
    assertThat(write(type, row, null))
        .isEqualTo("2024-01-31 12:30:00,2024-01-31 12:30:00.25Z,1;;3,\"say \"\"hi\"\", then go\"");
  }

  @Test
  void withoutANullLiteralAnEmptyFieldIsNullExceptInAStringColumn() throws Exception {
    RowType type = RowType.of(new IntType(), new VarCharType(VarCharType.MAX_LENGTH));
    assertThat(read(type, ",", null)).isEqualTo(Row.of(null, ""));
    assertThat(write(type, Row.of(null, null), null)).isEqualTo(",");
    assertThat(write(type, Row.of(null, ""), null)).isEqualTo(",\"\"");
  }

  @Test
  void withANullLiteralNullAndTheEmptyStringAndTheLiteralTextStayApart() throws Exception {
    RowType type = RowType.of(new VarCharType(VarCharType.MAX_LENGTH), new VarCharType(VarCharType.MAX_LENGTH),
        new VarCharType(VarCharType.MAX_LENGTH));
    String written = write(type, Row.of(null, "", "NULL"), "NULL");
    assertThat(written).isEqualTo("NULL,\"\",\"NULL\"");
    assertThat(read(type, written, "NULL")).isEqualTo(Row.of(null, "", "NULL"));
  }

  @Test
  void aWrongFieldCountOrAnUnclosedQuoteFailsSayingWhat() {
    RowType type = RowType.of(new LogicalType[] {new IntType(), new IntType()}, new String[] {"a", "b"});
    assertThatThrownBy(() -> read(type, "1", null)).hasMessageContaining("'1'")
        .hasMessageContaining("1 field(s), the table has 2 column(s)");
    assertThatThrownBy(() -> read(type, "1,\"2", null)).hasMessageContaining("not closed");
    assertThatThrownBy(() -> read(type, "1,x", null)).hasMessageContaining("field 'b' (INT): cannot read 'x'");
  }

  @Test
  void commentsAndEmptyLinesHoldNoRow() throws Exception {
    RowType type = RowType.of(new IntType(), new IntType());
    assertThat(reader(type, null, true).deserialize("# 1,2".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(reader(type, null, true).deserialize(new byte[0])).isNull();
    assertThatThrownBy(() -> reader(type, null, false).deserialize("# 1,2".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("cannot read '# 1'");
  }
}
