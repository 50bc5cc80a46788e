package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.functions.SerializableFunction;
import java.util.Objects;

/**
 * Buckets records by a field (or any value computed from the record): the bucket id is the value's
 * {@code toString()}, or {@code name=value} (Hive-style partition directories) with {@link
 * #hiveStyle}. Ids are checked to be one safe directory name: a value that is null or empty, is
 * {@code .} or {@code ..}, or holds {@code /}, {@code \}, a control character or {@code :} fails the
 * write with an error naming the value and the record, rather than writing somewhere unexpected.
 *
 * @param <IN> the record type
 */
public class FieldBucketAssigner<IN> implements BucketAssigner<IN, String> {

  private static final long serialVersionUID = 1L;

  private final SerializableFunction<? super IN, ?> field;
  private final String name;

  private FieldBucketAssigner(SerializableFunction<? super IN, ?> field, String name) {
    this.field = Objects.requireNonNull(field, "field");
    this.name = name;
    if (name != null) {
      String problem = problemWith(name);
      if (problem != null) {
        throw new IllegalArgumentException("FieldBucketAssigner: the field name '" + name
            + "' cannot be part of a directory name: it " + problem);
      }
    }
  }

  /** Buckets named by the value {@code field} gives for each record. */
  public static <IN> FieldBucketAssigner<IN> of(SerializableFunction<? super IN, ?> field) {
    return new FieldBucketAssigner<>(field, null);
  }

  /** Buckets named {@code name=value}, with the value {@code field} gives for each record. */
  public static <IN> FieldBucketAssigner<IN> hiveStyle(String name, SerializableFunction<? super IN, ?> field) {
    return new FieldBucketAssigner<>(field, Objects.requireNonNull(name, "name"));
  }

  /**
   * The bucket of {@code element}.
   *
   * @throws IllegalArgumentException naming the value and the record if the value is not a safe directory name
   */
  @Override
  public String getBucketId(IN element, BucketAssigner.Context context) {
    Object value = field.apply(element);
    String id = value == null ? null : value.toString();
    String problem = id == null ? "is null" : problemWith(id);
    if (problem != null) {
      throw new IllegalArgumentException("FieldBucketAssigner: the bucket value "
          + (id == null ? "null" : "'" + id + "'") + " of the record " + element
          + " is not a safe directory name: it " + problem);
    }
    return name == null ? id : name + "=" + id;
  }

  /** Why {@code id} is not one safe directory name, or null if it is. */
  static String problemWith(String id) {
    if (id.isEmpty()) {
      return "is empty";
    }
    if (id.equals(".") || id.equals("..")) {
      return "names the current or the parent directory";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '/' || c == '\\' || c == ':') {
        return "holds '" + c + "'";
      }
      if (Character.isISOControl(c)) {
        return "holds the control character U+" + String.format("%04X", (int) c);
      }
    }
    return null;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "FieldBucketAssigner" + (name == null ? "" : "(" + name + ")");
  }
}
