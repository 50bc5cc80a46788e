package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.IOException;

/**
 * Serializes arrays of one primitive type as a length followed by the elements. Obtain the instance
 * for an array class with {@link #forArrayClass}.
 *
 * @param <T> the array type, such as {@code int[]}
 */
@Internal
public abstract class PrimitiveArraySerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  private PrimitiveArraySerializer() {}

  /**
   * The serializer for {@code arrayClass}, such as {@code byte[].class}.
   *
   * @throws IllegalArgumentException if it is not an array of a primitive type
   */
  @SuppressWarnings("unchecked")
  public static <T> PrimitiveArraySerializer<T> forArrayClass(Class<T> arrayClass) {
    PrimitiveArraySerializer<?> serializer;
    if (arrayClass == boolean[].class) {
      serializer = BooleanArray.INSTANCE;
    } else if (arrayClass == byte[].class) {
      serializer = ByteArray.INSTANCE;
    } else if (arrayClass == short[].class) {
      serializer = ShortArray.INSTANCE;
    } else if (arrayClass == char[].class) {
      serializer = CharArray.INSTANCE;
    } else if (arrayClass == int[].class) {
      serializer = IntArray.INSTANCE;
    } else if (arrayClass == long[].class) {
      serializer = LongArray.INSTANCE;
    } else if (arrayClass == float[].class) {
      serializer = FloatArray.INSTANCE;
    } else if (arrayClass == double[].class) {
      serializer = DoubleArray.INSTANCE;
    } else {
      throw new IllegalArgumentException(arrayClass.getName() + " is not an array of a primitive type");
    }
    return (PrimitiveArraySerializer<T>) serializer;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new SingletonSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return "PrimitiveArraySerializer." + getClass().getSimpleName();
  }

  /** Serializes {@code boolean[]} values. */
  public static final class BooleanArray extends PrimitiveArraySerializer<boolean[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final BooleanArray INSTANCE = new BooleanArray();

    @Override
    public boolean[] createInstance() {
      return new boolean[0];
    }

    private BooleanArray() {}

    @Override
    public void serialize(boolean[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (boolean element : value) {
        target.writeBoolean(element);
      }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
      boolean[] value = new boolean[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readBoolean();
      }
      return value;
    }

    @Override
    public boolean[] copy(boolean[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code byte[]} values. */
  public static final class ByteArray extends PrimitiveArraySerializer<byte[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final ByteArray INSTANCE = new ByteArray();

    @Override
    public byte[] createInstance() {
      return new byte[0];
    }

    private ByteArray() {}

    @Override
    public void serialize(byte[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      target.write(value);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
      byte[] value = new byte[readLength(source)];
      source.readFully(value);
      return value;
    }

    @Override
    public byte[] copy(byte[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code short[]} values. */
  public static final class ShortArray extends PrimitiveArraySerializer<short[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final ShortArray INSTANCE = new ShortArray();

    @Override
    public short[] createInstance() {
      return new short[0];
    }

    private ShortArray() {}

    @Override
    public void serialize(short[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (short element : value) {
        target.writeShort(element);
      }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
      short[] value = new short[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readShort();
      }
      return value;
    }

    @Override
    public short[] copy(short[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code char[]} values. */
  public static final class CharArray extends PrimitiveArraySerializer<char[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final CharArray INSTANCE = new CharArray();

    @Override
    public char[] createInstance() {
      return new char[0];
    }

    private CharArray() {}

    @Override
    public void serialize(char[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (char element : value) {
        target.writeChar(element);
      }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
      char[] value = new char[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readChar();
      }
      return value;
    }

    @Override
    public char[] copy(char[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code int[]} values. */
  public static final class IntArray extends PrimitiveArraySerializer<int[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final IntArray INSTANCE = new IntArray();

    @Override
    public int[] createInstance() {
      return new int[0];
    }

    private IntArray() {}

    @Override
    public void serialize(int[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (int element : value) {
        target.writeInt(element);
      }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
      int[] value = new int[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readInt();
      }
      return value;
    }

    @Override
    public int[] copy(int[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code long[]} values. */
  public static final class LongArray extends PrimitiveArraySerializer<long[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final LongArray INSTANCE = new LongArray();

    @Override
    public long[] createInstance() {
      return new long[0];
    }

    private LongArray() {}

    @Override
    public void serialize(long[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (long element : value) {
        target.writeLong(element);
      }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
      long[] value = new long[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readLong();
      }
      return value;
    }

    @Override
    public long[] copy(long[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code float[]} values. */
  public static final class FloatArray extends PrimitiveArraySerializer<float[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final FloatArray INSTANCE = new FloatArray();

    @Override
    public float[] createInstance() {
      return new float[0];
    }

    private FloatArray() {}

    @Override
    public void serialize(float[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (float element : value) {
        target.writeFloat(element);
      }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
      float[] value = new float[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readFloat();
      }
      return value;
    }

    @Override
    public float[] copy(float[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Serializes {@code double[]} values. */
  public static final class DoubleArray extends PrimitiveArraySerializer<double[]> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final DoubleArray INSTANCE = new DoubleArray();

    @Override
    public double[] createInstance() {
      return new double[0];
    }

    private DoubleArray() {}

    @Override
    public void serialize(double[] value, DataOutputView target) throws IOException {
      target.writeVarInt(value.length);
      for (double element : value) {
        target.writeDouble(element);
      }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
      double[] value = new double[readLength(source)];
      for (int i = 0; i < value.length; i++) {
        value[i] = source.readDouble();
      }
      return value;
    }

    @Override
    public double[] copy(double[] value) {
      return value == null ? null : value.clone();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
