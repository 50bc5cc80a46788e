package io.spate.table.api;

import static io.spate.table.api.DataTypes.ARRAY;
import static io.spate.table.api.DataTypes.BIGINT;
import static io.spate.table.api.DataTypes.BOOLEAN;
import static io.spate.table.api.DataTypes.BYTES;
import static io.spate.table.api.DataTypes.DATE;
import static io.spate.table.api.DataTypes.DECIMAL;
import static io.spate.table.api.DataTypes.DOUBLE;
import static io.spate.table.api.DataTypes.FIELD;
import static io.spate.table.api.DataTypes.FLOAT;
import static io.spate.table.api.DataTypes.INT;
import static io.spate.table.api.DataTypes.MAP;
import static io.spate.table.api.DataTypes.MULTISET;
import static io.spate.table.api.DataTypes.NULL;
import static io.spate.table.api.DataTypes.ROW;
import static io.spate.table.api.DataTypes.SMALLINT;
import static io.spate.table.api.DataTypes.STRING;
import static io.spate.table.api.DataTypes.TIME;
import static io.spate.table.api.DataTypes.TIMESTAMP;
import static io.spate.table.api.DataTypes.TIMESTAMP_LTZ;
import static io.spate.table.api.DataTypes.TINYINT;
import static io.spate.table.api.DataTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.types.CollectionDataType;
import io.spate.table.types.DataType;
import io.spate.table.types.FieldsDataType;
import io.spate.table.types.KeyValueDataType;
import io.spate.table.types.logical.DecimalType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.utils.TypeConversions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTypesTest {

  @Test
  void atomicTypesCarryFlinksDefaultJavaClasses() {
    assertThat(BOOLEAN().getConversionClass()).isEqualTo(Boolean.class);
    assertThat(TINYINT().getConversionClass()).isEqualTo(Byte.class);
    assertThat(SMALLINT().getConversionClass()).isEqualTo(Short.class);
    assertThat(INT().getConversionClass()).isEqualTo(Integer.class);
    assertThat(BIGINT().getConversionClass()).isEqualTo(Long.class);
    assertThat(FLOAT().getConversionClass()).isEqualTo(Float.class);
    assertThat(DOUBLE().getConversionClass()).isEqualTo(Double.class);
    assertThat(DECIMAL(10, 2).getConversionClass()).isEqualTo(BigDecimal.class);
    assertThat(STRING().getConversionClass()).isEqualTo(String.class);
    assertThat(DataTypes.CHAR(3).getConversionClass()).isEqualTo(String.class);
    assertThat(BYTES().getConversionClass()).isEqualTo(byte[].class);
    assertThat(DataTypes.BINARY(3).getConversionClass()).isEqualTo(byte[].class);
    assertThat(DATE().getConversionClass()).isEqualTo(LocalDate.class);
    assertThat(TIME(3).getConversionClass()).isEqualTo(LocalTime.class);
    assertThat(TIMESTAMP(3).getConversionClass()).isEqualTo(LocalDateTime.class);
    assertThat(TIMESTAMP_LTZ(3).getConversionClass()).isEqualTo(Instant.class);
    assertThat(NULL().getConversionClass()).isEqualTo(Object.class);
  }

  @Test
  void collectionsConvertToArraysAndMaps() {
    assertThat(ARRAY(INT()).getConversionClass()).isEqualTo(Integer[].class);
    assertThat(ARRAY(ARRAY(STRING())).getConversionClass()).isEqualTo(String[][].class);
    assertThat(ARRAY(INT().notNull().bridgedTo(int.class)).getConversionClass()).isEqualTo(int[].class);
    assertThat(MAP(STRING(), INT()).getConversionClass()).isEqualTo(Map.class);
    assertThat(MULTISET(STRING()).getConversionClass()).isEqualTo(Map.class);
  }

  @Test
  void bridgingAnArrayToAPrimitiveArrayBridgesItsElement() {
    DataType array = ARRAY(INT().notNull()).bridgedTo(int[].class);
    assertThat(array.getConversionClass()).isEqualTo(int[].class);
    assertThat(((CollectionDataType) array).getElementDataType().getConversionClass()).isEqualTo(int.class);
  }

  @Test
  void defaultsAndPrecisionsAreFlinks() {
    assertThat(TIMESTAMP().toString()).isEqualTo("TIMESTAMP(6)");
    assertThat(TIMESTAMP_LTZ().toString()).isEqualTo("TIMESTAMP_LTZ(6)");
    assertThat(TIME().toString()).isEqualTo("TIME(0)");
    assertThat(DataTypes.TIMESTAMP_WITH_LOCAL_TIME_ZONE(3)).isEqualTo(TIMESTAMP_LTZ(3));
    assertThat(STRING().getLogicalType()).isEqualTo(VarCharType.STRING_TYPE);
    assertThat(BYTES().getLogicalType().asSerializableString()).isEqualTo("VARBINARY(2147483647)");
  }

  @Test
  void toStringIsTheSummaryFlinkPrints() {
    assertThat(INT().toString()).isEqualTo("INT");
    assertThat(STRING().notNull().toString()).isEqualTo("STRING NOT NULL");
    assertThat(VARCHAR(10).toString()).isEqualTo("VARCHAR(10)");
    assertThat(BYTES().toString()).isEqualTo("BYTES");
    assertThat(DECIMAL(10, 2).toString()).isEqualTo("DECIMAL(10, 2)");
    assertThat(MAP(STRING(), ARRAY(INT().notNull())).toString()).isEqualTo("MAP<STRING, ARRAY<INT NOT NULL>>");
    assertThat(MULTISET(DOUBLE()).toString()).isEqualTo("MULTISET<DOUBLE>");
    assertThat(ROW(FIELD("id", BIGINT().notNull()), FIELD("name", STRING(), "the bidder's name")).toString())
        .isEqualTo("ROW<`id` BIGINT NOT NULL, `name` STRING 'the bidder''s name'>");
  }

  @Test
  void intervalsHaveFlinksResolutionsDefaultsAndJavaClasses() {
    assertThat(DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3)).toString())
        .isEqualTo("INTERVAL DAY(2) TO SECOND(3)");
    assertThat(DataTypes.INTERVAL(DataTypes.DAY(4), DataTypes.HOUR()).toString()).isEqualTo("INTERVAL DAY(4) TO HOUR");
    assertThat(DataTypes.INTERVAL(DataTypes.HOUR(), DataTypes.SECOND()).toString())
        .isEqualTo("INTERVAL HOUR TO SECOND(6)");
    assertThat(DataTypes.INTERVAL(DataTypes.MINUTE()).toString()).isEqualTo("INTERVAL MINUTE");
    assertThat(DataTypes.INTERVAL(DataTypes.SECOND(0)).toString()).isEqualTo("INTERVAL SECOND(0)");
    assertThat(DataTypes.INTERVAL(DataTypes.YEAR(), DataTypes.MONTH()).toString())
        .isEqualTo("INTERVAL YEAR(2) TO MONTH");
    assertThat(DataTypes.INTERVAL(DataTypes.YEAR(4)).toString()).isEqualTo("INTERVAL YEAR(4)");
    assertThat(DataTypes.INTERVAL(DataTypes.MONTH()).notNull().toString()).isEqualTo("INTERVAL MONTH NOT NULL");
    assertThat(DataTypes.INTERVAL(DataTypes.SECOND(3)).getConversionClass()).isEqualTo(java.time.Duration.class);
    assertThat(DataTypes.INTERVAL(DataTypes.MONTH()).getConversionClass()).isEqualTo(java.time.Period.class);
    assertThat(DataTypes.INTERVAL(DataTypes.SECOND(3)).bridgedTo(Long.class).getConversionClass())
        .isEqualTo(Long.class);
    assertThat(DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3)).getLogicalType())
        .isEqualTo(io.spate.table.types.logical.utils.LogicalTypeParser.parse("INTERVAL DAY TO SECOND(3)"));
  }

  @Test
  void anIntervalFromALargerToASmallerUnitIsRefused() {
    assertThatThrownBy(() -> DataTypes.INTERVAL(DataTypes.HOUR(), DataTypes.DAY()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("There is no interval type from HOUR to DAY");
    assertThatThrownBy(() -> DataTypes.INTERVAL(DataTypes.MONTH(), DataTypes.DAY()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("from MONTH to DAY");
    assertThatThrownBy(() -> DataTypes.INTERVAL(DataTypes.SECOND(), DataTypes.SECOND()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("from SECOND to SECOND");
    assertThatThrownBy(() -> DataTypes.DAY(7)).isInstanceOf(ValidationException.class)
        .hasMessage("The day precision of an interval must be between 1 and 6 (both inclusive), got 7.");
    assertThatThrownBy(() -> DataTypes.SECOND(10)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("between 0 and 9");
  }

  @Test
  void notNullAndNullableChangeOnlyTheNullability() {
    DataType notNull = DECIMAL(10, 2).notNull();
    assertThat(notNull.getLogicalType()).isEqualTo(new DecimalType(false, 10, 2));
    assertThat(notNull.getConversionClass()).isEqualTo(BigDecimal.class);
    assertThat(notNull.nullable()).isEqualTo(DECIMAL(10, 2));
    assertThat(notNull).isNotEqualTo(DECIMAL(10, 2));
    assertThat(ARRAY(INT()).notNull().getLogicalType().isNullable()).isFalse();
    assertThat(MAP(INT(), INT()).notNull().nullable()).isEqualTo(MAP(INT(), INT()));
  }

  @Test
  void bridgedToChangesTheJavaClassAndRejectsUnsupportedOnes() {
    assertThat(INT().notNull().bridgedTo(int.class).getConversionClass()).isEqualTo(int.class);
    assertThat(TIMESTAMP(3).bridgedTo(java.sql.Timestamp.class).getConversionClass())
        .isEqualTo(java.sql.Timestamp.class);
    assertThat(TIMESTAMP_LTZ(3).bridgedTo(Long.class).getConversionClass()).isEqualTo(Long.class);
    assertThat(DATE().bridgedTo(java.sql.Date.class).getConversionClass()).isEqualTo(java.sql.Date.class);
    assertThat(INT().bridgedTo(Integer.class)).isEqualTo(INT());
    assertThat(INT().bridgedTo(int.class)).isNotEqualTo(INT());
    assertThatThrownBy(() -> INT().bridgedTo(String.class))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Data type 'INT' does not support a conversion from or to class 'java.lang.String'.");
    assertThatThrownBy(() -> ARRAY(INT()).bridgedTo(String[].class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ARRAY<INT>");
  }

  @Test
  void childrenAreTheNestedDataTypes() {
    assertThat(INT().getChildren()).isEmpty();
    assertThat(ARRAY(INT()).getChildren()).containsExactly(INT());
    DataType map = MAP(STRING(), BIGINT());
    assertThat(map.getChildren()).containsExactly(STRING(), BIGINT());
    assertThat(((KeyValueDataType) map).getKeyDataType()).isEqualTo(STRING());
    assertThat(((KeyValueDataType) map).getValueDataType()).isEqualTo(BIGINT());
    DataType row = ROW(FIELD("a", INT()), FIELD("b", STRING()));
    assertThat(row).isInstanceOf(FieldsDataType.class);
    assertThat(row.getChildren()).containsExactly(INT(), STRING());
    assertThat(DataType.getFieldNames(row)).containsExactly("a", "b");
    assertThat(DataType.getFieldDataTypes(row)).containsExactly(INT(), STRING());
    assertThat(DataType.getFieldCount(row)).isEqualTo(2);
    assertThat(DataType.getFieldNames(INT())).isEmpty();
  }

  @Test
  void rowsBuildARowTypeWithNamesAndDescriptions() {
    DataType row = ROW(FIELD("a", INT().notNull(), "first"), FIELD("b", ROW(FIELD("c", STRING()))));
    RowType type = (RowType) row.getLogicalType();
    assertThat(type.getFieldNames()).containsExactly("a", "b");
    assertThat(type.getTypeAt(0)).isEqualTo(new IntType(false));
    assertThat(type.getFields().get(0).getDescription()).contains("first");
    assertThat(type.getFieldIndex("b")).isEqualTo(1);
    assertThat(type.getFieldIndex("B")).isEqualTo(-1);
    assertThat(ROW(INT(), STRING())).isEqualTo(ROW(FIELD("f0", INT()), FIELD("f1", STRING())));
    assertThat(ROW().getLogicalType().getChildren()).isEmpty();
    assertThat(ROW().getLogicalType().is(LogicalTypeRoot.ROW)).isTrue();
  }

  @Test
  void aRowWithDuplicateFieldNamesIsRejected() {
    assertThatThrownBy(() -> ROW(FIELD("a", INT()), FIELD("a", STRING())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Field names must be unique. Found duplicates: [a].");
    assertThatThrownBy(() -> ROW(FIELD(" ", INT())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Field names must contain at least one non-whitespace character");
  }

  @Test
  void rowsConvertToSpatesRowClass() {
    assertThat(RowType.ROW_CONVERSION_CLASS_NAME).isEqualTo("io.spate.api.types.Row");
    assertThat(ROW(FIELD("a", INT())).getLogicalType().supportsInputConversion(Object.class)).isFalse();
    boolean rowOnClassPath = isLoadable(RowType.ROW_CONVERSION_CLASS_NAME);
    if (rowOnClassPath) {
      assertThat(ROW(FIELD("a", INT())).getConversionClass().getName()).isEqualTo("io.spate.api.types.Row");
    } else {
      assertThatThrownBy(() -> ROW(FIELD("a", INT())).getConversionClass())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("io.spate.api.types.Row is not on the class path");
    }
  }

  @Test
  void invalidParametersAreRejectedWithFlinksLimits() {
    assertThatThrownBy(() -> DECIMAL(39, 0)).isInstanceOf(ValidationException.class)
        .hasMessage("Decimal precision must be between 1 and 38 (both inclusive), got 39.");
    assertThatThrownBy(() -> DECIMAL(5, 6)).hasMessageContaining("scale");
    assertThatThrownBy(() -> TIMESTAMP(10)).hasMessageContaining("Timestamp precision must be between 0 and 9");
    assertThatThrownBy(() -> TIME(-1)).hasMessageContaining("Time precision must be between 0 and 9");
    assertThatThrownBy(() -> VARCHAR(0)).hasMessageContaining("Character string length must be between 1");
    assertThatThrownBy(() -> NULL().notNull()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("NULL type is always nullable");
  }

  @Test
  void logicalTypesConvertToDataTypesWithTheDefaults() {
    DataType dataType = ROW(FIELD("a", ARRAY(INT().notNull())), FIELD("m", MAP(STRING(), MULTISET(DATE()))));
    assertThat(TypeConversions.fromLogicalToDataType(dataType.getLogicalType())).isEqualTo(dataType);
    assertThat(TypeConversions.fromDataToLogicalType(dataType)).isEqualTo(dataType.getLogicalType());
  }

  @Test
  void equalDataTypesHaveEqualHashCodes() {
    List<DataType> twice = List.of(ARRAY(INT()), ARRAY(INT()));
    assertThat(twice.get(0)).isEqualTo(twice.get(1)).hasSameHashCodeAs(twice.get(1));
    assertThat(INT()).isNotEqualTo(BIGINT()).isNotEqualTo(INT().notNull());
  }

  private static boolean isLoadable(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
