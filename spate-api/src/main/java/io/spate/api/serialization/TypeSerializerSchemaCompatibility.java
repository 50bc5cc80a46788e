package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;

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
    INCOMPATIBLE
  }

  private final Kind kind;
  private final String message;

  private TypeSerializerSchemaCompatibility(Kind kind, String message) {
    this.kind = kind;
    this.message = message;
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

  @Override
  public String toString() {
    return message == null ? kind.toString() : kind + ": " + message;
  }
}
