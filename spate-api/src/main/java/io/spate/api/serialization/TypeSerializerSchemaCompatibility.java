package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;

/**
 * The answer of {@link TypeSerializerSnapshot#resolveSchemaCompatibility}: whether state written by
 * an old serializer can be read by a new one.
 *
 * @param <T> the serialized type
 */
@PublicEvolving
public final class TypeSerializerSchemaCompatibility<T> {

  /** The kinds of answer. */
  public enum Kind {
    /** The new serializer reads the old bytes as they are. */
    COMPATIBLE_AS_IS,
    /** The old bytes must be read with the restored serializer and written again with the new one. */
    COMPATIBLE_AFTER_MIGRATION,
    /** The state cannot be read by the new serializer; the message says why. */
    INCOMPATIBLE,
    /**
     * The new serializer cannot read the old bytes, but a reconfigured one can (Flink's answer); Spate
     * reads the state with the restored serializer and writes it with the new one, as after a migration.
     */
    COMPATIBLE_WITH_RECONFIGURED_SERIALIZER
  }

  private final Kind kind;
  private final String message;
  private final TypeSerializer<T> reconfiguredSerializer;

  private TypeSerializerSchemaCompatibility(Kind kind, String message) {
    this(kind, message, null);
  }

  private TypeSerializerSchemaCompatibility(Kind kind, String message, TypeSerializer<T> reconfiguredSerializer) {
    this.kind = kind;
    this.message = message;
    this.reconfiguredSerializer = reconfiguredSerializer;
  }

  /** The new serializer reads the old bytes as they are. */
  public static <T> TypeSerializerSchemaCompatibility<T> compatibleAsIs() {
    return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AS_IS, null);
  }

  /** The state needs to be migrated: read with the restored serializer, written with the new one. */
  public static <T> TypeSerializerSchemaCompatibility<T> compatibleAfterMigration() {
    return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_AFTER_MIGRATION, null);
  }

  /** The state cannot be read; {@code message} names what changed (field, old type, new type). */
  public static <T> TypeSerializerSchemaCompatibility<T> incompatible(String message) {
    return new TypeSerializerSchemaCompatibility<>(Kind.INCOMPATIBLE, message);
  }

  /**
   * The state cannot be read, without a reason; Flink's form. Prefer {@link #incompatible(String)},
   * whose message Spate shows when a restore fails.
   */
  public static <T> TypeSerializerSchemaCompatibility<T> incompatible() {
    return incompatible("the new serializer cannot read the state (its snapshot gave no reason)");
  }

  /** The kind of answer. */
  public Kind kind() {
    return kind;
  }

  /** Why the state is incompatible, or null. */
  public String message() {
    return message;
  }

  /** Whether the new serializer reads the old bytes as they are. */
  public boolean isCompatibleAsIs() {
    return kind == Kind.COMPATIBLE_AS_IS;
  }

  /** Whether the state must be migrated. */
  public boolean isCompatibleAfterMigration() {
    return kind == Kind.COMPATIBLE_AFTER_MIGRATION;
  }

  /** Whether the state cannot be read. */
  public boolean isIncompatible() {
    return kind == Kind.INCOMPATIBLE;
  }

  // Flink's reconfigured-serializer answer.

  /**
   * The new serializer cannot read the old bytes, but {@code reconfiguredSerializer} (a variant of it)
   * can. Spate treats the answer as {@link #isCompatibleAfterMigration() a migration} wherever it
   * restores state: the state is read with the restored serializer and written with the new one.
   */
  public static <T> TypeSerializerSchemaCompatibility<T> compatibleWithReconfiguredSerializer(
      TypeSerializer<T> reconfiguredSerializer) {
    return new TypeSerializerSchemaCompatibility<>(Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER, null,
        Objects.requireNonNull(reconfiguredSerializer, "reconfiguredSerializer"));
  }

  /** Whether the answer is {@link #compatibleWithReconfiguredSerializer}. */
  public boolean isCompatibleWithReconfiguredSerializer() {
    return kind == Kind.COMPATIBLE_WITH_RECONFIGURED_SERIALIZER;
  }

  /**
   * The reconfigured serializer of a {@link #compatibleWithReconfiguredSerializer} answer.
   *
   * @throws IllegalStateException if the answer is of another kind
   */
  public TypeSerializer<T> getReconfiguredSerializer() {
    if (reconfiguredSerializer == null) {
      throw new IllegalStateException("A " + kind + " answer has no reconfigured serializer");
    }
    return reconfiguredSerializer;
  }

  @Override
  public String toString() {
    return message == null ? kind.toString() : kind + ": " + message;
  }
}
