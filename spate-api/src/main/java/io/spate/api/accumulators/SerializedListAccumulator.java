package io.spate.api.accumulators;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An accumulator that collects values in the serialized form of a {@link TypeSerializer}, for values
 * that are not Java-serializable; {@link #deserializeList} reads the merged result back.
 *
 * @param <T> the type of the values
 */
@Public
public class SerializedListAccumulator<T> implements Accumulator<T, ArrayList<byte[]>> {

  private static final long serialVersionUID = 1L;

  private ArrayList<byte[]> values = new ArrayList<>();

  /** Starts empty. */
  public SerializedListAccumulator() {}

  /**
   * Not supported: the accumulator needs the value's serializer.
   *
   * @throws UnsupportedOperationException always; call {@link #add(Object, TypeSerializer)}
   */
  @Override
  public void add(T value) {
    throw new UnsupportedOperationException(
        "SerializedListAccumulator.add(value) cannot serialize the value: call add(value, serializer).");
  }

  /** Adds {@code value} in the form {@code serializer} writes. */
  public void add(T value, TypeSerializer<T> serializer) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    values.add(out.getCopyOfBuffer());
  }

  @Override
  public ArrayList<byte[]> getLocalValue() {
    return values;
  }

  @Override
  public void resetLocal() {
    values.clear();
  }

  @Override
  public void merge(Accumulator<T, ArrayList<byte[]>> other) {
    values.addAll(other.getLocalValue());
  }

  @Override
  public SerializedListAccumulator<T> clone() {
    SerializedListAccumulator<T> copy = new SerializedListAccumulator<>();
    copy.values = new ArrayList<>(values);
    return copy;
  }

  /**
   * Reads every value of {@code data}, the result of a SerializedListAccumulator, with {@code
   * serializer}.
   *
   * @throws IOException if an entry is not a value {@code serializer} wrote, naming its position
   */
  public static <T> List<T> deserializeList(ArrayList<byte[]> data, TypeSerializer<T> serializer)
      throws IOException, ClassNotFoundException {
    List<T> result = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      DataInputDeserializer in = new DataInputDeserializer(data.get(i));
      try {
        result.add(serializer.deserialize(in));
      } catch (IOException | RuntimeException e) {
        throw new IOException("Entry " + i + " of " + data.size() + " of the serialized list cannot be read with "
            + serializer + ": " + e.getMessage(), e);
      }
      if (in.available() > 0) {
        throw new IOException("Entry " + i + " of " + data.size() + " of the serialized list has " + in.available()
            + " bytes left after " + serializer + " read it: it was written by another serializer.");
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return "SerializedListAccumulator " + values.size() + " values";
  }
}
