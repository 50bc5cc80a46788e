package io.spate.bench.nexmark;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A 64-bit hash of a row's canonical encoding: records by their components in declaration order,
 * numbers by value, strings by their characters, lists element by element. It depends only on the
 * values, never on identity or JVM, so that rows of separate runs and engines can be compared.
 */
public final class CanonicalHash {

  private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
    @Override
    protected Component[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Component[] readers = new Component[components.length];
      for (int i = 0; i < components.length; i++) {
        readers[i] = Component.of(type, components[i]);
      }
      return readers;
    }
  };

  /**
   * Reads one record component and folds it into a hash. Components are read through generated
   * accessors, primitive ones without boxing: the fold runs once per output row of every engine and
   * must stay cheap beside the work it measures. (A method handle held in a field is not a constant to
   * the JIT: calling it per row went through the handle's generic invoker.)
   */
  private interface Component {
    long update(long h, Object record);

    static Component of(Class<?> type, RecordComponent component) {
      try {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        MethodHandle getter = lookup.unreflect(accessor);
        Class<?> kind = component.getType();
        if (kind == long.class) {
          ToLongFunction<Object> read = generated(lookup, ToLongFunction.class, "applyAsLong", getter, long.class);
          return (h, record) -> integral(h, read.applyAsLong(record));
        }
        if (kind == int.class) {
          ToIntFunction<Object> read = generated(lookup, ToIntFunction.class, "applyAsInt", getter, int.class);
          return (h, record) -> integral(h, read.applyAsInt(record));
        }
        if (kind == double.class) {
          ToDoubleFunction<Object> read = generated(lookup, ToDoubleFunction.class, "applyAsDouble", getter,
              double.class);
          return (h, record) -> doubleValue(h, read.applyAsDouble(record));
        }
        Function<Object, Object> read = generated(lookup, Function.class, "apply", getter, Object.class);
        return (h, record) -> CanonicalHash.update(h, read.apply(record));
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException("Cannot read component " + component.getName() + " of " + type, e);
      }
    }

    @SuppressWarnings("unchecked")
    private static <F> F generated(MethodHandles.Lookup lookup, Class<?> functionType, String method,
        MethodHandle getter, Class<?> result) throws ReflectiveOperationException {
      try {
        MethodType erased = MethodType.methodType(result, Object.class);
        return (F) LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(functionType), erased,
            getter, getter.type()).getTarget().invoke();
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The readers of one record type; the last type looked up, since a fold sees one row type over and over. */
  private record Readers(Class<?> type, Component[] components) {}

  private static Readers last = new Readers(Void.class, new Component[0]);

  private CanonicalHash() {}

  private static Component[] componentsOf(Class<?> type) {
    Readers readers = last; // an immutable record read once: a racing thread sees a whole one or the other
    if (readers.type() != type) {
      readers = new Readers(type, COMPONENTS.get(type));
      last = readers;
    }
    return readers.components();
  }

  /** The hash of {@code row}, which is built of records, lists, strings, numbers, booleans and nulls. */
  public static long of(Object row) {
    long h = start();
    // The row type's readers come from the one-entry cache; nested types would thrash it.
    return finish(row instanceof Record ? record(h, row, componentsOf(row.getClass())) : update(h, row));
  }

  // The encoding one value at a time, for a caller that holds a record's values but not the record
  // (a SQL result row): start(), then in the order of(record) visits them recordStart() at the start
  // of every record, nested ones included, and one call per component, then finish(). The result is
  // of(record), without building the record or boxing its numbers.

  /** The running value before the first part of a row. */
  public static long start() {
    return 0x2545F4914F6CDD1DL;
  }

  /** {@code h} followed by the start of a record, before its components. */
  public static long recordStart(long h) {
    return step(h, 7);
  }

  /** {@code h} followed by an integral number, a {@code long} or an {@code int} component. */
  public static long integral(long h, long value) {
    return step(step(h, 2), value);
  }

  /** {@code h} followed by a {@code double} component. */
  public static long doubleValue(long h, double value) {
    // -0.0 and 0.0 are the same number in a result
    return step(step(h, 3), Double.doubleToLongBits(value == 0.0 ? 0.0 : value));
  }

  /** {@code h} followed by a {@code String} component, which may be null. */
  public static long string(long h, String value) {
    return value == null ? step(h, 1) : chars(step(h, 4), value);
  }

  /** The hash of a row whose parts made the running value {@code h}. */
  public static long finish(long h) {
    return fmix(h);
  }

  private static long record(long h, Object value, Component[] components) {
    h = recordStart(h);
    for (Component component : components) {
      h = component.update(h, value);
    }
    return h;
  }

  private static long update(long h, Object value) {
    if (value == null) {
      return step(h, 1);
    }
    if (value instanceof Long v) {
      return integral(h, v);
    }
    if (value instanceof Integer v) {
      return integral(h, v);
    }
    if (value instanceof Double v) {
      return doubleValue(h, v);
    }
    if (value instanceof String s) {
      return string(h, s);
    }
    if (value instanceof Boolean b) {
      return step(step(h, 5), b ? 1 : 0);
    }
    if (value instanceof List<?> list) {
      h = step(step(h, 6), list.size());
      for (Object element : list) {
        h = update(h, element);
      }
      return h;
    }
    if (value instanceof Record) {
      return record(h, value, COMPONENTS.get(value.getClass()));
    }
    throw new IllegalArgumentException("No canonical encoding for " + value.getClass().getName());
  }

  /**
   * Folds the characters four at a time with one xor and one odd multiplication each: both steps are
   * bijections of the running value, so two strings of the same length that differ anywhere give
   * different values, and the length goes in first. This costs a third of a full {@link #step} per
   * block; rows of long strings made the fold a large, equal share of both engines' time, which
   * narrowed every ratio towards 1.
   */
  private static long chars(long h, String s) {
    int length = s.length();
    long acc = length;
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      acc = (acc ^ ((long) s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
          | (long) s.charAt(i + 3) << 48)) * 0x9E3779B97F4A7C15L;
    }
    long tail = 0;
    for (int shift = 0; i < length; i++, shift += 16) {
      tail |= (long) s.charAt(i) << shift;
    }
    return step(h, (acc ^ tail) * 0x9E3779B97F4A7C15L);
  }

  private static long step(long h, long x) {
    return Long.rotateLeft(h ^ fmix(x), 29) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
  }

  /** MurmurHash3's 64-bit finalizer. */
  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
