package io.spate.table.planner.calcite;

import static io.spate.table.types.logical.utils.LogicalTypeParser.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.CharType;
import io.spate.table.types.logical.FloatType;
import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RandomLogicalTypes;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.RowType.RowField;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.TimestampType;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpateTypeFactoryTest {

  private final SpateTypeFactory typeFactory = new SpateTypeFactory();

  @ParameterizedTest
  @ValueSource(strings = {
      "BOOLEAN", "TINYINT NOT NULL", "SMALLINT", "INT", "BIGINT NOT NULL", "FLOAT", "DOUBLE", "DECIMAL(38, 18)",
      "DECIMAL(10, 2) NOT NULL", "CHAR(1)", "CHAR(2147483647)", "VARCHAR(10)", "STRING", "STRING NOT NULL",
      "BINARY(16)", "BYTES", "DATE", "TIME(0)", "TIME(9)", "TIMESTAMP(0)", "TIMESTAMP(3) NOT NULL", "TIMESTAMP(9)",
      "TIMESTAMP_LTZ(3)", "TIMESTAMP_LTZ(9) NOT NULL", "NULL", "ARRAY<INT NOT NULL>", "ARRAY<STRING> NOT NULL",
      "MULTISET<BIGINT>", "MAP<STRING NOT NULL, ARRAY<DOUBLE>>", "ROW<a INT NOT NULL, b STRING>",
      "ROW<a ROW<b INT NOT NULL> NOT NULL, c MAP<INT, ROW<d DATE>>> NOT NULL", "ROW<>"})
  void everyTypeRoundTripsThroughCalcite(String typeString) {
    LogicalType type = parse(typeString);
    RelDataType relType = typeFactory.createFieldTypeFromLogicalType(type);
    assertThat(relType.isNullable()).isEqualTo(type.isNullable());
    assertThat(SpateTypeFactory.toLogicalType(relType)).isEqualTo(type);
  }

  @Test
  void everyRandomTypeRoundTripsWithoutDescriptions() {
    qt().withExamples(1000).forAll(RandomLogicalTypes.types(3)).checkAssert(type ->
        assertThat(SpateTypeFactory.toLogicalType(typeFactory.createFieldTypeFromLogicalType(type)))
            .as(type.asSerializableString())
            .isEqualTo(withoutDescriptions(type)));
  }

  @Test
  void typesMapToTheCalciteTypesFlinkUses() {
    RelDataType string = typeFactory.createFieldTypeFromLogicalType(parse("STRING"));
    assertThat(string.getSqlTypeName()).isEqualTo(SqlTypeName.VARCHAR);
    assertThat(string.getPrecision()).isEqualTo(Integer.MAX_VALUE);
    RelDataType ltz = typeFactory.createFieldTypeFromLogicalType(parse("TIMESTAMP_LTZ(3) NOT NULL"));
    assertThat(ltz.getSqlTypeName()).isEqualTo(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    assertThat(ltz.getPrecision()).isEqualTo(3);
    assertThat(ltz.isNullable()).isFalse();
    RelDataType timestamp = typeFactory.createFieldTypeFromLogicalType(parse("TIMESTAMP(9)"));
    assertThat(timestamp.getSqlTypeName()).isEqualTo(SqlTypeName.TIMESTAMP);
    assertThat(timestamp.getPrecision()).isEqualTo(9);
    RelDataType decimal = typeFactory.createFieldTypeFromLogicalType(parse("DECIMAL(38, 10)"));
    assertThat(decimal.getPrecision()).isEqualTo(38);
    assertThat(decimal.getScale()).isEqualTo(10);
  }

  @Test
  void rowsAreStructsWithFieldNames() {
    RelDataType row = typeFactory.createFieldTypeFromLogicalType(parse("ROW<id BIGINT NOT NULL, `the name` STRING>"));
    assertThat(row.isStruct()).isTrue();
    assertThat(row.getFieldNames()).containsExactly("id", "the name");
    assertThat(row.getStructKind()).isEqualTo(StructKind.PEEK_FIELDS_NO_EXPAND);
    assertThat(row.getFieldList().get(0).getType().isNullable()).isFalse();
    assertThat(row.getFieldList().get(1).getType().isNullable()).isTrue();
  }

  @Test
  void aNullableNestedRowKeepsItsNotNullFields() {
    RelDataType row = typeFactory.createFieldTypeFromLogicalType(parse("ROW<a INT NOT NULL>"));
    assertThat(row.isNullable()).isTrue();
    assertThat(row.getFieldList().get(0).getType().isNullable()).isFalse();
    RelDataType notNull = typeFactory.createTypeWithNullability(row, false);
    assertThat(typeFactory.createTypeWithNullability(notNull, true)).isEqualTo(row);
  }

  @Test
  void aTableRowTypeIsATopLevelStruct() {
    RelDataType table = typeFactory.buildRelNodeRowType((RowType) parse("ROW<a INT NOT NULL, b STRING>"));
    assertThat(table.getStructKind()).isEqualTo(StructKind.FULLY_QUALIFIED);
    assertThat(table.isNullable()).isFalse();
    assertThat(SpateTypeFactory.toLogicalType(table)).isEqualTo(parse("ROW<a INT NOT NULL, b STRING> NOT NULL"));
  }

  @Test
  void timeAttributesAndDescriptionsAreDroppedInCalcite() {
    TimestampType rowtime = new TimestampType(false, TimestampKind.ROWTIME, 3);
    LogicalType back = SpateTypeFactory.toLogicalType(typeFactory.createFieldTypeFromLogicalType(rowtime));
    assertThat(((TimestampType) back).getKind()).isEqualTo(TimestampKind.REGULAR);
    assertThat(back.asSummaryString()).isEqualTo("TIMESTAMP(3) NOT NULL");
    LogicalType described = parse("ROW<a INT 'the a'>");
    assertThat(((RowType) SpateTypeFactory.toLogicalType(typeFactory.createFieldTypeFromLogicalType(described)))
        .getFields().get(0).getDescription()).isEmpty();
  }

  @Test
  void calciteOnlyTypesMapToTheirFlinkCounterparts() {
    assertThat(SpateTypeFactory.toLogicalType(typeFactory.createSqlType(SqlTypeName.REAL)))
        .isEqualTo(new FloatType(false));
    RelDataType emptyLiteral = typeFactory.createSqlType(SqlTypeName.CHAR, 0);
    assertThat(SpateTypeFactory.toLogicalType(emptyLiteral)).isEqualTo(CharType.ofEmptyLiteral());
    assertThat(CharType.ofEmptyLiteral().asSummaryString()).isEqualTo("CHAR(0) NOT NULL");
    assertThatThrownBy(() -> CharType.ofEmptyLiteral().asSerializableString())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("has no type string");
    RelDataType defaults = typeFactory.createSqlType(SqlTypeName.TIMESTAMP);
    assertThat(SpateTypeFactory.toLogicalType(defaults)).isEqualTo(new TimestampType(false, 6));
    assertThat(SpateTypeFactory.toLogicalType(typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)))
        .isEqualTo(new LocalZonedTimestampType(false, 6));
  }

  @Test
  void typesWithoutALogicalCounterpartAreRejectedByName() {
    RelDataType geometry = typeFactory.createSqlType(SqlTypeName.GEOMETRY);
    assertThatThrownBy(() -> SpateTypeFactory.toLogicalType(geometry))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("The SQL type GEOMETRY")
        .hasMessageEndingWith("is not supported by Spate SQL yet.");
  }

  @Test
  void intervalsOfAnyFieldsBecomeFlinksMillisecondAndMonthTypes() {
    RelDataType dayToSecond = typeFactory.createSqlIntervalType(
        new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
    RelDataType minute = typeFactory.createTypeWithNullability(typeFactory.createSqlIntervalType(
        new SqlIntervalQualifier(TimeUnit.MINUTE, null, SqlParserPos.ZERO)), true);
    RelDataType yearToMonth = typeFactory.createSqlIntervalType(
        new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
    assertThat(SpateTypeFactory.toLogicalType(dayToSecond).asSummaryString()).isEqualTo("INTERVAL SECOND(3) NOT NULL");
    assertThat(SpateTypeFactory.toLogicalType(minute).asSummaryString()).isEqualTo("INTERVAL SECOND(3)");
    assertThat(SpateTypeFactory.toLogicalType(yearToMonth).asSummaryString()).isEqualTo("INTERVAL MONTH NOT NULL");
    // and back: a column of such a type is an interval of the same family
    RelDataType back = typeFactory.createFieldTypeFromLogicalType(SpateTypeFactory.toLogicalType(minute));
    assertThat(back.getSqlTypeName()).isEqualTo(SqlTypeName.INTERVAL_DAY_SECOND);
    assertThat(back.isNullable()).isTrue();
    assertThat(typeFactory.createFieldTypeFromLogicalType(SpateTypeFactory.toLogicalType(yearToMonth))
        .getSqlTypeName()).isEqualTo(SqlTypeName.INTERVAL_YEAR_MONTH);
  }

  @Test
  void stringLiteralsMayHoldAnyCharacter() {
    RexLiteral literal = (RexLiteral) new RexBuilder(typeFactory).makeLiteral("日本 é");
    assertThat(literal.getValueAs(String.class)).isEqualTo("日本 é");
    assertThat(SpateTypeFactory.toLogicalType(literal.getType())).isEqualTo(new CharType(false, 4));
  }

  private static LogicalType withoutDescriptions(LogicalType type) {
    if (type instanceof RowType) {
      List<RowField> fields = ((RowType) type).getFields().stream()
          .map(field -> new RowField(field.getName(), withoutDescriptions(field.getType())))
          .collect(Collectors.toList());
      return new RowType(type.isNullable(), fields);
    }
    if (type instanceof ArrayType) {
      return new ArrayType(type.isNullable(), withoutDescriptions(((ArrayType) type).getElementType()));
    }
    if (type instanceof MultisetType) {
      return new MultisetType(type.isNullable(), withoutDescriptions(((MultisetType) type).getElementType()));
    }
    if (type instanceof MapType) {
      return new MapType(type.isNullable(), withoutDescriptions(((MapType) type).getKeyType()),
          withoutDescriptions(((MapType) type).getValueType()));
    }
    return type;
  }
}
