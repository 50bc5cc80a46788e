package io.spate.bench.nexmark.sql;

import io.spate.bench.nexmark.CanonicalHash;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Builds a query's output record (the DataStream version's row type) from a SQL result row whose
 * columns are that record's components in declaration order, with each nested record's components
 * flattened in place: {@code WinningBid(Auction, Bid)} is made of 10 + 7 columns. SQL values become
 * the records' types: TIMESTAMPs epoch milliseconds (UTC), numbers the component's primitive. Or
 * computes the {@link CanonicalHash} of that record straight from the row's columns ({@link #hash}),
 * without building it. Not thread-safe: one per writer.
 *
 * @param <R> the record type
 */
public final class FlatRecords<R> {

  /** Reads column {@code column} of a row of type {@code T}; a row type's reader is one stateless object. */
  @FunctionalInterface
  public interface Columns<T> {
    /** The value of column {@code column} of {@code row}. */
    Object get(T row, int column);
  }

  // The steps of hash(): a record's start, or the next column as one of the leaf kinds.
  private static final byte RECORD = 0;
  private static final byte LONG = 1;
  private static final byte INT = 2;
  private static final byte DOUBLE = 3;
  private static final byte STRING = 4;

  private final Class<R> type;
  private final Node root;
  private final byte[] steps;
  private final String[] columnNames;
  // The last TIMESTAMP hash() converted: a result's rows share one LocalDateTime per millisecond, as
  // Spate's sources make them, so the calendar arithmetic of the conversion runs once per millisecond.
  private LocalDateTime lastTime;
  private long lastTimeMillis;

  private FlatRecords(Class<R> type) {
    this.type = type;
    this.root = node(type);
    List<Node> leaves = new ArrayList<>();
    ByteArrayOutputStream steps = new ByteArrayOutputStream();
    plan(root, steps, leaves);
    this.steps = steps.toByteArray();
    this.columnNames = leaves.stream().map(leaf -> leaf.name).toArray(String[]::new);
  }

  private static void plan(Node node, ByteArrayOutputStream steps, List<Node> leaves) {
    if (node.constructor != null) {
      steps.write(RECORD);
      for (Node child : node.children) {
        plan(child, steps, leaves);
      }
      return;
    }
    leaves.add(node);
    Class<?> kind = node.kind;
    steps.write(kind == long.class ? LONG : kind == int.class ? INT : kind == double.class ? DOUBLE : STRING);
  }

  /** The builder of {@code type}'s records; fails if {@code type} is not a record. */
  public static <R> FlatRecords<R> of(Class<R> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    return new FlatRecords<>(type);
  }

  /** How many columns a row of this record type has. */
  public int columns() {
    return root.width;
  }

  /**
   * The record of the columns {@code column.apply(0)} to {@code column.apply(columns() - 1)}; fails
   * naming the column whose value does not fit its component.
   */
  public R build(IntFunction<Object> column) {
    int[] next = {0};
    return type.cast(root.build(column, next));
  }

  /**
   * {@link CanonicalHash#of} of the record that {@link #build} makes of {@code row}'s columns, read
   * through {@code columns}, without making it: the values are converted as {@code build} converts
   * them, numbers without boxing, and the same bad value fails the same way.
   */
  public <T> long hash(T row, Columns<? super T> columns) {
    long h = CanonicalHash.start();
    int at = 0;
    for (byte step : steps) {
      switch (step) {
        case RECORD -> h = CanonicalHash.recordStart(h);
        case LONG -> h = CanonicalHash.integral(h, hashedLong(columns.get(row, at), at));
        case INT -> h = CanonicalHash.integral(h, toInt(columns.get(row, at), at, columnNames[at]));
        case DOUBLE -> h = CanonicalHash.doubleValue(h, toDouble(columns.get(row, at), at, columnNames[at]));
        default -> h = CanonicalHash.string(h, toStringValue(columns.get(row, at), at, columnNames[at]));
      }
      if (step != RECORD) {
        at++;
      }
    }
    return CanonicalHash.finish(h);
  }

  private long hashedLong(Object value, int at) {
    if (value instanceof LocalDateTime time) {
      if (time != lastTime) {
        lastTimeMillis = toLong(time, at, columnNames[at]);
        lastTime = time;
      }
      return lastTimeMillis;
    }
    return toLong(value, at, columnNames[at]);
  }

  // The conversions of SQL values to the components' types, shared by build() and hash(); none
  // allocates for the values that SQL rows hold (a compact BigDecimal of few decimals included).

  private static long toLong(Object value, int at, String name) {
    if (value instanceof Long v) {
      return v;
    }
    if (value instanceof Integer v) {
      return v;
    }
    if (value instanceof LocalDateTime v) {
      // v.toInstant(UTC).toEpochMilli() without the Instant: whole seconds and the milliseconds within,
      // by way of the next second when the seconds are negative, so that the counts just above
      // Long.MIN_VALUE, whose whole seconds times 1000 overflow, still fit
      long seconds = v.toEpochSecond(ZoneOffset.UTC);
      int millis = v.getNano() / 1_000_000;
      return seconds < 0 && millis > 0
          ? Math.addExact(Math.multiplyExact(seconds + 1, 1000L), millis - 1000)
          : Math.addExact(Math.multiplyExact(seconds, 1000L), millis);
    }
    if (value instanceof Instant v) {
      return v.toEpochMilli();
    }
    if (value instanceof BigDecimal v) {
      return v.longValueExact();
    }
    throw mismatch(value, at, name, long.class);
  }

  private static int toInt(Object value, int at, String name) {
    if (value instanceof Integer v) {
      return v;
    }
    if (value instanceof Long v) {
      return Math.toIntExact(v);
    }
    throw mismatch(value, at, name, int.class);
  }

  private static double toDouble(Object value, int at, String name) {
    if (value instanceof Double v) {
      return v;
    }
    if (value instanceof Number v) {
      return v.doubleValue();
    }
    throw mismatch(value, at, name, double.class);
  }

  private static String toStringValue(Object value, int at, String name) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw mismatch(value, at, name, String.class);
  }

  private static IllegalArgumentException mismatch(Object value, int at, String name, Class<?> kind) {
    return new IllegalArgumentException("Column " + at + " (" + name + ", a " + kind.getSimpleName()
        + ") cannot take " + (value == null ? "NULL" : value + " of " + value.getClass().getSimpleName()));
  }

  /** A record type's constructor and its components' conversions, or one value's conversion. */
  private static final class Node {
    final Class<?> kind;
    final String name;
    final MethodHandle constructor;
    final Node[] children;
    final int width;

    Node(Class<?> kind, String name, MethodHandle constructor, Node[] children) {
      this.kind = kind;
      this.name = name;
      this.constructor = constructor;
      this.children = children;
      int w = 0;
      for (Node child : children) {
        w += child.width;
      }
      this.width = children.length == 0 ? 1 : w;
    }

    Object build(IntFunction<Object> column, int[] next) {
      if (constructor == null) {
        int at = next[0]++;
        return convert(column.apply(at), at);
      }
      Object[] values = new Object[children.length];
      for (int i = 0; i < children.length; i++) {
        values[i] = children[i].build(column, next);
      }
      try {
        return constructor.invokeExact(values);
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot build " + kind.getName(), e);
      }
    }

    private Object convert(Object value, int at) {
      if (kind == long.class) {
        return toLong(value, at, name);
      }
      if (kind == int.class) {
        return toInt(value, at, name);
      }
      if (kind == double.class) {
        return toDouble(value, at, name);
      }
      return toStringValue(value, at, name);
    }
  }

  private static Node node(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    List<Node> children = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      Class<?> kind = components[i].getType();
      types[i] = kind;
      children.add(kind.isRecord() ? node(kind) : leaf(kind, type.getSimpleName() + "." + components[i].getName()));
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      MethodHandle handle = MethodHandles.lookup().unreflectConstructor(constructor)
          .asType(MethodType.genericMethodType(types.length))
          .asSpreader(Object[].class, types.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      return new Node(type, type.getSimpleName(), handle, children.toArray(new Node[0]));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot construct " + type.getName(), e);
    }
  }

  private static Node leaf(Class<?> kind, String name) {
    if (kind != long.class && kind != int.class && kind != double.class && kind != String.class) {
      throw new IllegalArgumentException("No SQL column for " + name + " of type " + kind.getName());
    }
    return new Node(kind, name, null, new Node[0]);
  }
}
