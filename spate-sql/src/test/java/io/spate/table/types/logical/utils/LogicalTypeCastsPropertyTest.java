package io.spate.table.types.logical.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.DayTimeIntervalType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.RandomLogicalTypes;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.YearMonthIntervalType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws of Flink's implicit casts over random types, and the interval cases Flink singles out. */
class LogicalTypeCastsPropertyTest {

  /** Random types but the NULL type, which has no NOT NULL variant. */
  private static Gen<LogicalType> types(int depth) {
    return RandomLogicalTypes.typesWithIntervals(depth).assuming(t -> t.getTypeRoot() != LogicalTypeRoot.NULL);
  }

  @Test
  void everyTypeCastsIntoItselfAndIntoItsNullableSelf() {
    qt().withFixedSeed(20261128L).withExamples(300)
        .forAll(types(3))
        .checkAssert(type -> {
          assertThat(LogicalTypeCasts.supportsImplicitCast(type, type)).isTrue();
          assertThat(LogicalTypeCasts.supportsImplicitCast(type.copy(false), type.copy(true))).isTrue();
        });
  }

  @Test
  void aNullableTypeNeverCastsImplicitlyIntoANotNullOne() {
    qt().withFixedSeed(20261129L).withExamples(300)
        .forAll(types(2), types(2))
        .checkAssert((source, target) ->
            assertThat(LogicalTypeCasts.supportsImplicitCast(source.copy(true), target.copy(false))).isFalse());
  }

  @Test
  void intoASinkNullabilityDoesNotMatterAndEveryImplicitCastIsAllowed() {
    qt().withFixedSeed(20261130L).withExamples(300)
        .forAll(types(2), types(2))
        .checkAssert((source, target) -> {
          boolean intoSink = LogicalTypeCasts.supportsImplicitCastIntoSink(source, target);
          assertThat(LogicalTypeCasts.supportsImplicitCastIntoSink(source.copy(!source.isNullable()),
              target.copy(!target.isNullable()))).isEqualTo(intoSink);
          assertThat(LogicalTypeCasts.supportsImplicitCastIntoSink(new ArrayType(false, source),
              new ArrayType(true, target))).isEqualTo(intoSink);
          if (LogicalTypeCasts.supportsImplicitCast(source, target)) {
            assertThat(intoSink).isTrue();
          }
        });
  }

  @Test
  void arraysMapsAndRowsCastAsTheirElementsDo() {
    qt().withFixedSeed(20261131L).withExamples(300)
        .forAll(types(2), types(2))
        .checkAssert((source, target) -> {
          boolean elements = LogicalTypeCasts.supportsImplicitCast(source, target);
          assertThat(LogicalTypeCasts.supportsImplicitCast(new ArrayType(source), new ArrayType(target)))
              .isEqualTo(elements);
          assertThat(LogicalTypeCasts.supportsImplicitCast(new MapType(VarCharType.STRING_TYPE, source),
              new MapType(VarCharType.STRING_TYPE, target))).isEqualTo(elements);
          assertThat(LogicalTypeCasts.supportsImplicitCast(
              new RowType(List.of(new RowType.RowField("a", source))),
              new RowType(List.of(new RowType.RowField("b", target))))).isEqualTo(elements);
        });
  }

  @Test
  void singleFieldIntervalsCastToAndFromExactNumbers() {
    LogicalType seconds = new DayTimeIntervalType(DayTimeIntervalType.DayTimeResolution.SECOND, 2, 3);
    LogicalType dayToSecond = new DayTimeIntervalType(DayTimeIntervalType.DayTimeResolution.DAY_TO_SECOND, 2, 3);
    LogicalType months = YearMonthIntervalType.ofMonths(true);
    LogicalType yearToMonth = new YearMonthIntervalType(true, YearMonthIntervalType.YearMonthResolution.YEAR_TO_MONTH,
        2);
    assertThat(LogicalTypeCasts.supportsImplicitCast(seconds, new BigIntType())).isTrue();
    assertThat(LogicalTypeCasts.supportsImplicitCast(new IntType(), months)).isTrue();
    assertThat(LogicalTypeCasts.supportsImplicitCast(dayToSecond, new BigIntType())).isFalse();
    assertThat(LogicalTypeCasts.supportsImplicitCast(new IntType(), yearToMonth)).isFalse();
    assertThat(LogicalTypeCasts.supportsImplicitCast(seconds, dayToSecond)).isTrue();
    assertThat(LogicalTypeCasts.supportsImplicitCast(seconds, months)).isFalse();
  }
}
