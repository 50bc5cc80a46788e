package io.spate.bench.nexmark.sql;

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
 * the records' types: TIMESTAMPs epoch milliseconds (UTC), numbers the component's primitive.
 *
 * @param <R> the record type
 */
public final class FlatRecords<R> {

  private final Class<R> type;
  private final Node root;

  private FlatRecords(Class<R> type) {
    this.type = type;
    this.root = node(type);
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
        if (value instanceof Long v) {
          return v;
        }
        if (value instanceof Integer v) {
          return v.longValue();
        }
        if (value instanceof LocalDateTime v) {
          return v.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof Instant v) {
          return v.toEpochMilli();
        }
        if (value instanceof BigDecimal v) {
          return v.longValueExact();
        }
      } else if (kind == int.class) {
        if (value instanceof Integer v) {
          return v;
        }
        if (value instanceof Long v) {
          return Math.toIntExact(v);
        }
      } else if (kind == double.class) {
        if (value instanceof Double v) {
          return v;
        }
        if (value instanceof Number v) {
          return v.doubleValue();
        }
      } else if (kind == String.class) {
        if (value == null || value instanceof String) {
          return value;
        }
      }
      throw new IllegalArgumentException("Column " + at + " (" + name + ", a " + kind.getSimpleName()
          + ") cannot take " + (value == null ? "NULL" : value + " of " + value.getClass().getSimpleName()));
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
