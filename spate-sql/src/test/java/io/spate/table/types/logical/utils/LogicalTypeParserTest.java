package io.spate.table.types.logical.utils;

import static io.spate.table.types.logical.utils.LogicalTypeParser.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.BinaryType;
import io.spate.table.types.logical.BooleanType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.DateType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.DayTimeIntervalType.DayTimeResolution;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.NullType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.RowType.RowField;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.TimeType;
import io.spate.table.types.logical.TimestampType;
import io.spate.table.types.logical.TinyIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.YearMonthIntervalType;
import io.spate.table.types.logical.YearMonthIntervalType.YearMonthResolution;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LogicalTypeParserTest {

  @Test
  void parsesEveryAtomicTypeName() {
    assertThat(parse("BOOLEAN")).isEqualTo(new BooleanType());
    assertThat(parse("TINYINT")).isEqualTo(new TinyIntType());
    assertThat(parse("SMALLINT")).isEqualTo(new SmallIntType());
    assertThat(parse("INT")).isEqualTo(new IntType());
    assertThat(parse("INTEGER")).isEqualTo(new IntType());
    assertThat(parse("BIGINT")).isEqualTo(new BigIntType());
    assertThat(parse("FLOAT")).isEqualTo(new FloatType());
    assertThat(parse("DOUBLE")).isEqualTo(new DoubleType());
    assertThat(parse("DOUBLE PRECISION")).isEqualTo(new DoubleType());
    assertThat(parse("DATE")).isEqualTo(new DateType());
    assertThat(parse("NULL")).isEqualTo(new NullType());
  }

  @Test
  void parsesStringsAndBytesWithTheirDefaultLengths() {
    assertThat(parse("STRING")).isEqualTo(new VarCharType(Integer.MAX_VALUE));
    assertThat(parse("VARCHAR(10)")).isEqualTo(new VarCharType(10));
    assertThat(parse("VARCHAR")).isEqualTo(new VarCharType(1));
    assertThat(parse("CHAR")).isEqualTo(new CharType(1));
    assertThat(parse("CHAR(5)")).isEqualTo(new CharType(5));
    assertThat(parse("CHARACTER VARYING(7)")).isEqualTo(new VarCharType(7));
    assertThat(parse("BYTES")).isEqualTo(new VarBinaryType(Integer.MAX_VALUE));
    assertThat(parse("BINARY(16)")).isEqualTo(new BinaryType(16));
    assertThat(parse("VARBINARY(3)")).isEqualTo(new VarBinaryType(3));
  }

  @Test
  void parsesDecimalsUnderAllThreeNames() {
    assertThat(parse("DECIMAL")).isEqualTo(new DecimalType(10, 0));
    assertThat(parse("DECIMAL(10, 2)")).isEqualTo(new DecimalType(10, 2));
    assertThat(parse("DEC(5)")).isEqualTo(new DecimalType(5, 0));
    assertThat(parse("NUMERIC(38,38)")).isEqualTo(new DecimalType(38, 38));
  }

  @Test
  void parsesTemporalTypes() {
    assertThat(parse("TIMESTAMP")).isEqualTo(new TimestampType(6));
    assertThat(parse("TIMESTAMP(3)")).isEqualTo(new TimestampType(3));
    assertThat(parse("TIMESTAMP(3) WITHOUT TIME ZONE")).isEqualTo(new TimestampType(3));
    assertThat(parse("TIMESTAMP_LTZ(3)")).isEqualTo(new LocalZonedTimestampType(3));
    assertThat(parse("TIMESTAMP_LTZ")).isEqualTo(new LocalZonedTimestampType(6));
    assertThat(parse("TIMESTAMP(3) WITH LOCAL TIME ZONE")).isEqualTo(new LocalZonedTimestampType(3));
    assertThat(parse("TIMESTAMP WITH LOCAL TIME ZONE")).isEqualTo(new LocalZonedTimestampType(6));
    assertThat(parse("TIME")).isEqualTo(new TimeType(0));
    assertThat(parse("TIME(0)")).isEqualTo(new TimeType(0));
    assertThat(parse("TIME(9) WITHOUT TIME ZONE")).isEqualTo(new TimeType(9));
  }

  @Test
  void keywordsIgnoreCaseAndSpacing() {
    assertThat(parse("  timestamp ( 3 )  with local time zone not null "))
        .isEqualTo(new LocalZonedTimestampType(false, 3));
    assertThat(parse("Map<string,Int>")).isEqualTo(new MapType(VarCharType.STRING_TYPE, new IntType()));
  }

  @Test
  void nullabilitySuffixes() {
    assertThat(parse("INT NOT NULL")).isEqualTo(new IntType(false));
    assertThat(parse("INT NULL")).isEqualTo(new IntType(true));
    assertThat(parse("ARRAY<INT NOT NULL> NOT NULL"))
        .isEqualTo(new ArrayType(false, new IntType(false)));
  }

  @Test
  void parsesCollectionsInBothNotations() {
    assertThat(parse("ARRAY<INT>")).isEqualTo(new ArrayType(new IntType()));
    assertThat(parse("INT ARRAY")).isEqualTo(new ArrayType(new IntType()));
    assertThat(parse("INT NOT NULL ARRAY NOT NULL")).isEqualTo(new ArrayType(false, new IntType(false)));
    assertThat(parse("STRING ARRAY ARRAY")).isEqualTo(new ArrayType(new ArrayType(VarCharType.STRING_TYPE)));
    assertThat(parse("MULTISET<INT>")).isEqualTo(new MultisetType(new IntType()));
    assertThat(parse("BIGINT MULTISET")).isEqualTo(new MultisetType(new BigIntType()));
    assertThat(parse("MAP<STRING, INT>")).isEqualTo(new MapType(VarCharType.STRING_TYPE, new IntType()));
    assertThat(parse("MAP<INT, ARRAY<MAP<STRING, BOOLEAN>>>")).isEqualTo(
        new MapType(new IntType(), new ArrayType(new MapType(VarCharType.STRING_TYPE, new BooleanType()))));
  }

  @Test
  void parsesRowsWithNamesTypesAndDescriptions() {
    RowType expected = new RowType(List.of(
        new RowField("a", new IntType()), new RowField("b", VarCharType.STRING_TYPE, "desc")));
    assertThat(parse("ROW<a INT, b STRING 'desc'>")).isEqualTo(expected);
    assertThat(parse("ROW(a INT, b STRING 'desc')")).isEqualTo(expected);
    assertThat(parse("ROW<>")).isEqualTo(new RowType(List.of()));
    assertThat(parse("ROW<`user id` BIGINT NOT NULL 'it''s the id', `a``b` ROW<Inner DATE>>")).isEqualTo(
        new RowType(List.of(
            new RowField("user id", new BigIntType(false), "it's the id"),
            new RowField("a`b", new RowType(List.of(new RowField("Inner", new DateType())))))));
  }

  @Test
  void fieldNamesKeepTheirCase() {
    RowType row = (RowType) parse("row<Price int, price bigint>");
    assertThat(row.getFieldNames()).containsExactly("Price", "price");
  }

  @Test
  void anUnknownTypeNamesItsPositionAndTheNearestKnownName() {
    assertThatThrownBy(() -> parse("INTT"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Unknown type 'INTT' at position 1 in type string 'INTT'; did you mean INT?");
    assertThatThrownBy(() -> parse("ARRAY<TIMESTMAP(3)>"))
        .hasMessageContaining("Unknown type 'TIMESTMAP' at position 7")
        .hasMessageEndingWith("did you mean TIMESTAMP?");
    assertThatThrownBy(() -> parse("ROW<a FOO>"))
        .hasMessage("Unknown type 'FOO' at position 7 in type string 'ROW<a FOO>'; expected a type name such as"
            + " INT, STRING, DECIMAL(10, 2), ARRAY<INT> or ROW<a INT>");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ARRAY<INT|Expected '>', found the end of the type string at position 10",
      "MAP<INT>|Expected ',' between the key and the value type of MAP<key, value>, found '>' at position 8",
      "ARRAY INT|Expected '<' after ARRAY, as in ARRAY<INT>, found 'INT' at position 7",
      "VARCHAR(x)|Expected a number, found 'x' at position 9",
      "INT NOT INT|Expected NULL, found 'INT' at position 9",
      "INT INT|Unexpected 'INT' after the type INT at position 5",
      "ROW<a INT b INT>|Expected ',' or '>' in the field list of ROW, found 'b' at position 11",
      "ROW a INT|Expected '<' or '(' after ROW, as in ROW<a INT, b STRING>, found 'a' at position 5",
      "ROW[a INT]|Unexpected character '[' at position 4",
      "ROW<1 INT>|Expected a field name, found '1' at position 5",
      "INT # 3|Unexpected character '#' at position 5",
      "ROW<`a INT>|Unterminated backquoted name starting at position 5",
      "ROW<a INT 'desc>|Unterminated text starting at position 11",
      "|Expected a type name, found the end of the type string at position 1",
      "TIMESTAMP(3) WITH TIME ZONE|TIMESTAMP WITH TIME ZONE is not supported by Spate SQL yet",
      "INTERVAL|Expected a unit after INTERVAL (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND), found the end of the type"
          + " string at position 9",
      "INTERVAL WEEK|Expected a unit after INTERVAL (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND), found 'WEEK' at"
          + " position 10",
      "INTERVAL HOUR TO DAY|An interval cannot run from HOUR to DAY; the unit after TO must be smaller than HOUR at"
          + " position 18",
      "INTERVAL MINUTE TO HOUR|An interval cannot run from MINUTE to HOUR",
      "INTERVAL YEAR TO DAY|Expected MONTH, found 'DAY' at position 18",
      "INTERVAL MONTH TO DAY|Unexpected 'TO' after the type INTERVAL MONTH at position 16",
      "RAW('a', 'b')|The type RAW is not supported by Spate SQL yet at position 1",
      "NULL NOT NULL|The NULL type is always nullable, so NOT NULL cannot follow it at position 6",
      "VARCHAR(99999999999)|The number 99999999999 is too large; the largest is 2147483647 at position 9",
  })
  void malformedTypeStringsAreRejectedWithThePosition(String typeString, String message) {
    String input = typeString == null ? "" : typeString;
    assertThatThrownBy(() -> parse(input))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void rowBracketsMustMatch() {
    assertThatThrownBy(() -> parse("ROW<a INT)"))
        .hasMessageContaining("Expected ',' or '>' in the field list of ROW, found ')' at position 10");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DECIMAL(39, 2)|Invalid type at position 1 in type string 'DECIMAL(39, 2)': Decimal precision must be between 1"
          + " and 38 (both inclusive), got 39.",
      "DECIMAL(5, 6)|Decimal scale must be between 0 and the precision 5 (both inclusive), got 6.",
      "TIMESTAMP(10)|Timestamp precision must be between 0 and 9 (both inclusive), got 10.",
      "TIMESTAMP_LTZ(12)|Timestamp precision must be between 0 and 9",
      "TIME(10)|Time precision must be between 0 and 9",
      "VARCHAR(0)|Character string length must be between 1 and 2147483647 (both inclusive), got 0.",
      "ARRAY<CHAR(0)>|Invalid type at position 7 in type string 'ARRAY<CHAR(0)>': Character string length must be"
          + " between 1 and 2147483647 (both inclusive), got 0.",
      "BINARY(0)|Binary string length must be between 1",
      "ROW<a INT, a STRING>|Field names must be unique. Found duplicates: [a].",
      "INTERVAL DAY(7)|Day precision of day-time intervals must be between 1 and 6 (both inclusive), got 7.",
      "INTERVAL HOUR TO SECOND(10)|Fractional precision of day-time intervals must be between 0 and 9",
      "INTERVAL YEAR(5) TO MONTH|Year precision of year-month intervals must be between 1 and 4",
  })
  void parametersOutOfRangeAreRejected(String typeString, String message) {
    assertThatThrownBy(() -> parse(typeString))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parsesIntervalsOfEveryResolutionWithFlinksDefaultPrecisions() {
    assertThat(parse("INTERVAL YEAR")).isEqualTo(new YearMonthIntervalType(true, YearMonthResolution.YEAR, 2));
    assertThat(parse("INTERVAL YEAR(4) TO MONTH"))
        .isEqualTo(new YearMonthIntervalType(true, YearMonthResolution.YEAR_TO_MONTH, 4));
    assertThat(parse("interval month not null"))
        .isEqualTo(new YearMonthIntervalType(false, YearMonthResolution.MONTH, 2));
    assertThat(parse("INTERVAL DAY")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.DAY, 2, 6));
    assertThat(parse("INTERVAL DAY(5) TO HOUR")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.DAY_TO_HOUR, 5, 6));
    assertThat(parse("INTERVAL DAY TO MINUTE")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.DAY_TO_MINUTE, 2, 6));
    assertThat(parse("INTERVAL DAY(1) TO SECOND(3)"))
        .isEqualTo(new DayTimeIntervalType(DayTimeResolution.DAY_TO_SECOND, 1, 3));
    assertThat(parse("INTERVAL HOUR")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.HOUR, 2, 6));
    assertThat(parse("INTERVAL HOUR TO MINUTE")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.HOUR_TO_MINUTE));
    assertThat(parse("INTERVAL HOUR TO SECOND"))
        .isEqualTo(new DayTimeIntervalType(DayTimeResolution.HOUR_TO_SECOND, 2, 6));
    assertThat(parse("INTERVAL MINUTE")).isEqualTo(new DayTimeIntervalType(DayTimeResolution.MINUTE));
    assertThat(parse("INTERVAL MINUTE TO SECOND(0)"))
        .isEqualTo(new DayTimeIntervalType(DayTimeResolution.MINUTE_TO_SECOND, 2, 0));
    // The number after a lone SECOND is its fractional precision, as in Flink's type strings.
    assertThat(parse("INTERVAL SECOND(3)")).isEqualTo(DayTimeIntervalType.ofMillis(true));
    assertThat(parse("ARRAY<INTERVAL SECOND>"))
        .isEqualTo(new ArrayType(new DayTimeIntervalType(DayTimeResolution.SECOND, 2, 6)));
  }

  @Test
  void nullIsNotATypeString() {
    assertThatThrownBy(() -> parse(null)).isInstanceOf(ValidationException.class)
        .hasMessage("A type string is required, got null.");
  }

  @Test
  void everyPrintedTypeOfTheExamplesParsesBack() {
    for (String text : List.of("DECIMAL(10, 2) NOT NULL", "ROW<`a` INT, `b` STRING 'desc'>", "BYTES", "STRING",
        "TIMESTAMP_LTZ(3)", "MULTISET<ROW<`x` DOUBLE NOT NULL> NOT NULL>")) {
      LogicalType type = parse(text);
      assertThat(parse(type.asSerializableString())).isEqualTo(type);
      assertThat(parse(type.asSummaryString())).isEqualTo(type);
    }
  }
}
