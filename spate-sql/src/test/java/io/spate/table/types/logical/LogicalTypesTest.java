package io.spate.table.types.logical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.RowType.RowField;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalTypesTest {

  @Test
  void serializableAndSummaryStringsAreFlinks() {
    assertThat(VarCharType.STRING_TYPE.asSerializableString()).isEqualTo("VARCHAR(2147483647)");
    assertThat(VarCharType.STRING_TYPE.asSummaryString()).isEqualTo("STRING");
    assertThat(VarCharType.STRING_TYPE.copy(false).asSummaryString()).isEqualTo("STRING NOT NULL");
    assertThat(new VarBinaryType(VarBinaryType.MAX_LENGTH).asSummaryString()).isEqualTo("BYTES");
    assertThat(new LocalZonedTimestampType(3).asSerializableString()).isEqualTo("TIMESTAMP(3) WITH LOCAL TIME ZONE");
    assertThat(new LocalZonedTimestampType(3).asSummaryString()).isEqualTo("TIMESTAMP_LTZ(3)");
    assertThat(new DecimalType(false, 10, 2).asSerializableString()).isEqualTo("DECIMAL(10, 2) NOT NULL");
    assertThat(new TimeType().asSerializableString()).isEqualTo("TIME(0)");
    assertThat(new NullType().asSerializableString()).isEqualTo("NULL");
    assertThat(new RowType(List.of(new RowField("a`b", new IntType(), "x")))
        .asSerializableString()).isEqualTo("ROW<`a``b` INT 'x'>");
  }

  @Test
  void timeAttributesAreMarkedInSummariesButNotCompared() {
    TimestampType rowtime = new TimestampType(false, TimestampKind.ROWTIME, 3);
    assertThat(rowtime.asSummaryString()).isEqualTo("TIMESTAMP(3) NOT NULL *ROWTIME*");
    assertThat(rowtime.asSerializableString()).isEqualTo("TIMESTAMP(3) NOT NULL");
    assertThat(new TimestampType(true, TimestampKind.ROWTIME, 3).asSummaryString())
        .isEqualTo("TIMESTAMP(3) *ROWTIME*");
    assertThat(new LocalZonedTimestampType(false, TimestampKind.PROCTIME, 3).asSummaryString())
        .isEqualTo("TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*");
    assertThat(rowtime).isEqualTo(new TimestampType(false, 3)).hasSameHashCodeAs(new TimestampType(false, 3));
    assertThat(((TimestampType) rowtime.copy(true)).getKind()).isEqualTo(TimestampKind.ROWTIME);
  }

  @Test
  void equalityIncludesNullabilityAndParameters() {
    assertThat(new IntType()).isEqualTo(new IntType(true)).isNotEqualTo(new IntType(false));
    assertThat(new IntType()).isNotEqualTo(new BigIntType());
    assertThat(new DecimalType(10, 2)).isNotEqualTo(new DecimalType(10, 3)).isNotEqualTo(new DecimalType(11, 2));
    assertThat(new VarCharType(3)).isNotEqualTo(new CharType(3));
    assertThat(new ArrayType(new IntType())).isNotEqualTo(new ArrayType(new IntType(false)));
    assertThat(new RowType(List.of(new RowField("a", new IntType(), "x"))))
        .isNotEqualTo(new RowType(List.of(new RowField("a", new IntType()))));
  }

  @Test
  void defaultsAndLimitsAreFlinks() {
    assertThat(new DecimalType().getPrecision()).isEqualTo(10);
    assertThat(new DecimalType().getScale()).isZero();
    assertThat(DecimalType.MAX_PRECISION).isEqualTo(38);
    assertThat(new TimestampType().getPrecision()).isEqualTo(6);
    assertThat(new LocalZonedTimestampType().getPrecision()).isEqualTo(6);
    assertThat(new TimeType().getPrecision()).isZero();
    assertThat(new CharType().getLength()).isEqualTo(1);
    assertThat(new VarCharType().getLength()).isEqualTo(1);
    assertThatThrownBy(() -> new DecimalType(0, 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new TimestampType(-1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new BinaryType(0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void familiesGroupRoots() {
    assertThat(new IntType().is(LogicalTypeFamily.INTEGER_NUMERIC)).isTrue();
    assertThat(new DecimalType().is(LogicalTypeFamily.EXACT_NUMERIC)).isTrue();
    assertThat(new DecimalType().is(LogicalTypeFamily.INTEGER_NUMERIC)).isFalse();
    assertThat(new DoubleType().is(LogicalTypeFamily.APPROXIMATE_NUMERIC)).isTrue();
    assertThat(new LocalZonedTimestampType().is(LogicalTypeFamily.TIMESTAMP)).isTrue();
    assertThat(VarCharType.STRING_TYPE.is(LogicalTypeFamily.CHARACTER_STRING)).isTrue();
    assertThat(new IntType().getTypeRoot()).isEqualTo(LogicalTypeRoot.INTEGER);
  }

  @Test
  void childrenAreTheNestedTypes() {
    MapType map = new MapType(new IntType(), VarCharType.STRING_TYPE);
    assertThat(map.getChildren()).containsExactly(new IntType(), VarCharType.STRING_TYPE);
    assertThat(new MultisetType(new DateType()).getChildren()).containsExactly(new DateType());
    assertThat(RowType.of(new IntType(), new DateType()).getFieldNames()).containsExactly("f0", "f1");
    assertThat(new IntType().getChildren()).isEmpty();
  }

  @Test
  void conversionsFollowFlink() {
    assertThat(new IntType().supportsInputConversion(int.class)).isTrue();
    assertThat(new IntType().supportsInputConversion(Long.class)).isFalse();
    assertThat(new ArrayType(new IntType()).getDefaultConversion()).isEqualTo(Integer[].class);
    assertThat(new ArrayType(new IntType()).supportsOutputConversion(int[].class)).isTrue();
    assertThat(new MultisetType(new IntType()).getDefaultConversion()).isEqualTo(java.util.Map.class);
    assertThat(new MapType(new IntType(), new IntType()).supportsInputConversion(java.util.HashMap.class)).isTrue();
    assertThat(new NullType().supportsInputConversion(String.class)).isTrue();
    assertThat(new NullType().supportsInputConversion(int.class)).isFalse();
  }
}
