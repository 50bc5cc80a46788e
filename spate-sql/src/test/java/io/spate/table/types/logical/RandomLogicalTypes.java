package io.spate.table.types.logical;

import io.spate.table.types.logical.RowType.RowField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** Random logical types of every kind Spate has, nested up to a depth, for property tests. */
public final class RandomLogicalTypes {

  private static final List<String> NAMES =
      List.of("a", "b", "price", "User Id", "weird`name", "ROW", "NOT", "int", "1st", "x_y$z", "ünïcode");

  private static final List<String> DESCRIPTIONS = List.of("the price", "it's 'quoted'", "", "`back`");

  private RandomLogicalTypes() {}

  /**
   * Any logical type but the interval types, nested at most {@code depth} levels deep: the types that keep their
   * parameters through the planner (which makes every interval {@code INTERVAL SECOND(3)} or {@code INTERVAL MONTH}).
   */
  public static Gen<LogicalType> types(int depth) {
    return in -> type(in, depth, false);
  }

  /** Any logical type, interval types included, nested at most {@code depth} levels deep. */
  public static Gen<LogicalType> typesWithIntervals(int depth) {
    return in -> type(in, depth, true);
  }

  /**
   * An interval type of any resolution, with a random precision where its type string shows one (of years or days
   * after YEAR or DAY, fractional after SECOND) and the default elsewhere, as Flink's parser makes them.
   */
  private static LogicalType interval(RandomnessSource in) {
    if (between(in, 0, 1) == 0) {
      YearMonthIntervalType.YearMonthResolution[] resolutions = YearMonthIntervalType.YearMonthResolution.values();
      YearMonthIntervalType.YearMonthResolution resolution = resolutions[between(in, 0, resolutions.length - 1)];
      return new YearMonthIntervalType(true, resolution, resolution == YearMonthIntervalType.YearMonthResolution.MONTH
          ? YearMonthIntervalType.DEFAULT_PRECISION : between(in, 1, 4));
    }
    DayTimeIntervalType.DayTimeResolution[] resolutions = DayTimeIntervalType.DayTimeResolution.values();
    DayTimeIntervalType.DayTimeResolution resolution = resolutions[between(in, 0, resolutions.length - 1)];
    return new DayTimeIntervalType(resolution,
        resolution.name().startsWith("DAY") ? between(in, 1, 6) : DayTimeIntervalType.DEFAULT_DAY_PRECISION,
        resolution.name().endsWith("SECOND") ? between(in, 0, 9) : DayTimeIntervalType.DEFAULT_FRACTIONAL_PRECISION);
  }

  private static int between(RandomnessSource in, int min, int max) {
    return Generate.range(min, max).generate(in);
  }

  private static LogicalType type(RandomnessSource in, int depth, boolean intervals) {
    int kinds = depth > 0 ? 22 : 17;
    LogicalType type = intervals && between(in, 0, 7) == 0 ? interval(in)
        : create(in, between(in, 0, kinds - 1), depth, intervals);
    if (type instanceof NullType) {
      return type;
    }
    return type.copy(between(in, 0, 1) == 0);
  }

  private static LogicalType create(RandomnessSource in, int kind, int depth, boolean intervals) {
    switch (kind) {
      case 0: return new BooleanType();
      case 1: return new TinyIntType();
      case 2: return new SmallIntType();
      case 3: return new IntType();
      case 4: return new BigIntType();
      case 5: return new FloatType();
      case 6: return new DoubleType();
      case 7: {
        int precision = between(in, 1, 38);
        return new DecimalType(precision, between(in, 0, precision));
      }
      case 8: return new CharType(length(in));
      case 9: return new VarCharType(length(in));
      case 10: return new BinaryType(length(in));
      case 11: return new VarBinaryType(length(in));
      case 12: return new DateType();
      case 13: return new TimeType(between(in, 0, 9));
      case 14: return new TimestampType(true, TimestampKind.values()[between(in, 0, 2)], between(in, 0, 9));
      case 15: return new LocalZonedTimestampType(true, TimestampKind.values()[between(in, 0, 2)], between(in, 0, 9));
      case 16: return new NullType();
      case 17: return new ArrayType(type(in, depth - 1, intervals));
      case 18: return new MultisetType(type(in, depth - 1, intervals));
      case 19: return new MapType(type(in, depth - 1, intervals), type(in, depth - 1, intervals));
      default: return row(in, depth, intervals);
    }
  }

  private static int length(RandomnessSource in) {
    return between(in, 0, 3) == 0 ? Integer.MAX_VALUE : between(in, 1, 100);
  }

  private static RowType row(RandomnessSource in, int depth, boolean intervals) {
    int count = between(in, 0, 4);
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(NAMES.get(between(in, 0, NAMES.size() - 1)));
    }
    List<RowField> fields = new ArrayList<>();
    for (String name : names) {
      int description = between(in, -2, DESCRIPTIONS.size() - 1);
      fields.add(new RowField(name, type(in, depth - 1, intervals), description < 0 ? null : DESCRIPTIONS.get(description)));
    }
    return new RowType(fields);
  }
}
