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

  /** Any logical type, nested at most {@code depth} levels deep. */
  public static Gen<LogicalType> types(int depth) {
    return in -> type(in, depth);
  }

  private static int between(RandomnessSource in, int min, int max) {
    return Generate.range(min, max).generate(in);
  }

  private static LogicalType type(RandomnessSource in, int depth) {
    int kinds = depth > 0 ? 22 : 17;
    LogicalType type = create(in, between(in, 0, kinds - 1), depth);
    if (type instanceof NullType) {
      return type;
    }
    return type.copy(between(in, 0, 1) == 0);
  }

  private static LogicalType create(RandomnessSource in, int kind, int depth) {
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
      case 17: return new ArrayType(type(in, depth - 1));
      case 18: return new MultisetType(type(in, depth - 1));
      case 19: return new MapType(type(in, depth - 1), type(in, depth - 1));
      default: return row(in, depth);
    }
  }

  private static int length(RandomnessSource in) {
    return between(in, 0, 3) == 0 ? Integer.MAX_VALUE : between(in, 1, 100);
  }

  private static RowType row(RandomnessSource in, int depth) {
    int count = between(in, 0, 4);
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(NAMES.get(between(in, 0, NAMES.size() - 1)));
    }
    List<RowField> fields = new ArrayList<>();
    for (String name : names) {
      int description = between(in, -2, DESCRIPTIONS.size() - 1);
      fields.add(new RowField(name, type(in, depth - 1), description < 0 ? null : DESCRIPTIONS.get(description)));
    }
    return new RowType(fields);
  }
}
