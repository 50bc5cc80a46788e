package io.spate.api.tuple;

import io.spate.api.annotation.Public;
import io.spate.api.types.NullFieldException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The base of {@code Tuple0} to {@code Tuple25}: fixed-arity values whose fields are public and
 * mutable and are also reached by position.
 */
@Public
public abstract class Tuple implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest arity a tuple class exists for. */
  public static final int MAX_ARITY = 25;

  private static final Class<?>[] CLASSES = {
    Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class,
    Tuple6.class, Tuple7.class, Tuple8.class, Tuple9.class, Tuple10.class, Tuple11.class,
    Tuple12.class, Tuple13.class, Tuple14.class, Tuple15.class, Tuple16.class, Tuple17.class,
    Tuple18.class, Tuple19.class, Tuple20.class, Tuple21.class, Tuple22.class, Tuple23.class,
    Tuple24.class, Tuple25.class
  };

  /**
   * The field at {@code pos}.
   *
   * @throws IndexOutOfBoundsException if {@code pos} is not between 0 and {@code getArity() - 1}
   */
  public abstract <T> T getField(int pos);

  /**
   * The field at {@code pos}, which must not be null.
   *
   * @throws NullFieldException if the field is null
   * @throws IndexOutOfBoundsException if there is no field at {@code pos}
   */
  public <T> T getFieldNotNull(int pos) {
    T field = getField(pos);
    if (field == null) {
      throw new NullFieldException(pos);
    }
    return field;
  }

  /**
   * Sets the field at {@code pos} to {@code value}.
   *
   * @throws IndexOutOfBoundsException if there is no field at {@code pos}
   */
  public abstract <T> void setField(T value, int pos);

  /** The number of fields. */
  public abstract int getArity();

  /** A shallow copy: a new tuple of the same arity holding the same field values. */
  public abstract <T extends Tuple> T copy();

  /**
   * The class {@code Tuple<arity>}.
   *
   * @throws IllegalArgumentException if {@code arity} is not between 0 and {@link #MAX_ARITY}
   */
  @SuppressWarnings("unchecked")
  public static Class<? extends Tuple> getTupleClass(int arity) {
    checkArity(arity);
    return (Class<? extends Tuple>) CLASSES[arity];
  }

  /**
   * A new {@code Tuple<arity>} with every field null ({@code Tuple0.INSTANCE} for arity 0).
   *
   * @throws IllegalArgumentException if {@code arity} is not between 0 and {@link #MAX_ARITY}
   */
  public static Tuple newInstance(int arity) {
    checkArity(arity);
    return switch (arity) {
      case 0 -> Tuple0.INSTANCE;
      case 1 -> new Tuple1<>();
      case 2 -> new Tuple2<>();
      case 3 -> new Tuple3<>();
      case 4 -> new Tuple4<>();
      case 5 -> new Tuple5<>();
      case 6 -> new Tuple6<>();
      case 7 -> new Tuple7<>();
      case 8 -> new Tuple8<>();
      case 9 -> new Tuple9<>();
      case 10 -> new Tuple10<>();
      case 11 -> new Tuple11<>();
      case 12 -> new Tuple12<>();
      case 13 -> new Tuple13<>();
      case 14 -> new Tuple14<>();
      case 15 -> new Tuple15<>();
      case 16 -> new Tuple16<>();
      case 17 -> new Tuple17<>();
      case 18 -> new Tuple18<>();
      case 19 -> new Tuple19<>();
      case 20 -> new Tuple20<>();
      case 21 -> new Tuple21<>();
      case 22 -> new Tuple22<>();
      case 23 -> new Tuple23<>();
      case 24 -> new Tuple24<>();
      default -> new Tuple25<>();
    };
  }

  private static void checkArity(int arity) {
    if (arity < 0 || arity > MAX_ARITY) {
      throw new IllegalArgumentException(
          "There is no tuple of arity " + arity + ": tuples have 0 to " + MAX_ARITY + " fields");
    }
  }

  /** The error for a field position that a tuple of {@code arity} does not have. */
  static IndexOutOfBoundsException noField(int pos, int arity) {
    return new IndexOutOfBoundsException(
        "Tuple" + arity + " has no field at position " + pos
            + (arity == 0 ? "; it has no fields" : "; its positions are 0 to " + (arity - 1)));
  }

  /** A field as Flink prints it in a tuple: arrays by their elements, null as "null". */
  static String fieldToString(Object field) {
    if (field instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (field != null && field.getClass().isArray()) {
      return primitiveArrayToString(field);
    }
    return String.valueOf(field);
  }

  private static String primitiveArrayToString(Object array) {
    if (array instanceof int[] a) {
      return Arrays.toString(a);
    } else if (array instanceof long[] a) {
      return Arrays.toString(a);
    } else if (array instanceof double[] a) {
      return Arrays.toString(a);
    } else if (array instanceof float[] a) {
      return Arrays.toString(a);
    } else if (array instanceof short[] a) {
      return Arrays.toString(a);
    } else if (array instanceof char[] a) {
      return Arrays.toString(a);
    } else if (array instanceof boolean[] a) {
      return Arrays.toString(a);
    }
    return Arrays.toString((byte[]) array);
  }
}
