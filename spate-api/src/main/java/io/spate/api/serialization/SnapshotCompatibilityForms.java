package io.spate.api.serialization;

/**
 * The defaults of the two forms of {@code TypeSerializerSnapshot.resolveSchemaCompatibility}: Spate's
 * (asked on the old snapshot with the new serializer) and Flink's since 1.19 (asked on the new
 * serializer's snapshot with the old snapshot). Each default asks the other form, but only of a class
 * that answers it, so that two classes overriding different forms cannot recurse forever.
 */
final class SnapshotCompatibilityForms {

  // ClassValue, not a map, so that a job's snapshot classes do not keep its class loader alive.
  private static final ClassValue<Boolean> ANSWERS_SPATE_FORM = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> snapshotClass) {
      return overrides(snapshotClass, TypeSerializer.class);
    }
  };
  private static final ClassValue<Boolean> ANSWERS_FLINK_FORM = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> snapshotClass) {
      return overrides(snapshotClass, TypeSerializerSnapshot.class);
    }
  };

  private SnapshotCompatibilityForms() {}

  /** Spate's form answered with Flink's: {@code oldSnapshot} overrides at most Flink's form. */
  static <T> TypeSerializerSchemaCompatibility<T> askNewSnapshot(
      TypeSerializerSnapshot<T> oldSnapshot, TypeSerializer<T> newSerializer) {
    requireOneForm(oldSnapshot.getClass());
    TypeSerializerSnapshot<T> newSnapshot = newSerializer.snapshotConfiguration();
    if (answersFlinkForm(newSnapshot.getClass())) {
      return newSnapshot.resolveSchemaCompatibility(oldSnapshot);
    }
    return differentClasses(oldSnapshot, newSnapshot);
  }

  /** Flink's form answered with Spate's: {@code newSnapshot} overrides at most Spate's form. */
  static <T> TypeSerializerSchemaCompatibility<T> askOldSnapshot(
      TypeSerializerSnapshot<T> oldSnapshot, TypeSerializerSnapshot<T> newSnapshot) {
    requireOneForm(oldSnapshot.getClass());
    if (answersSpateForm(oldSnapshot.getClass())) {
      return oldSnapshot.resolveSchemaCompatibility(newSnapshot.restoreSerializer());
    }
    return differentClasses(oldSnapshot, newSnapshot);
  }

  // Reached only when each snapshot answers a different form, so they are of different classes and
  // neither knows the other's format.
  private static <T> TypeSerializerSchemaCompatibility<T> differentClasses(
      TypeSerializerSnapshot<T> oldSnapshot, TypeSerializerSnapshot<T> newSnapshot) {
    return TypeSerializerSchemaCompatibility.incompatible(
        "the state was written by a serializer whose snapshot is a " + oldSnapshot.getClass().getName()
            + ", and the new serializer's snapshot is a " + newSnapshot.getClass().getName()
            + ", which cannot read it");
  }

  /**
   * @throws UnsupportedOperationException naming {@code snapshotClass} if it overrides neither form
   */
  private static void requireOneForm(Class<?> snapshotClass) {
    if (!answersSpateForm(snapshotClass) && !answersFlinkForm(snapshotClass)) {
      throw new UnsupportedOperationException(
          "The serializer snapshot " + snapshotClass.getName() + " implements neither"
              + " resolveSchemaCompatibility(TypeSerializer newSerializer) nor"
              + " resolveSchemaCompatibility(TypeSerializerSnapshot oldSerializerSnapshot); implement"
              + " one of them, or extend SimpleTypeSerializerSnapshot for a serializer without"
              + " configuration");
    }
  }

  private static boolean answersSpateForm(Class<?> snapshotClass) {
    return ANSWERS_SPATE_FORM.get(snapshotClass);
  }

  private static boolean answersFlinkForm(Class<?> snapshotClass) {
    return ANSWERS_FLINK_FORM.get(snapshotClass);
  }

  private static boolean overrides(Class<?> snapshotClass, Class<?> parameterType) {
    try {
      return snapshotClass.getMethod("resolveSchemaCompatibility", parameterType).getDeclaringClass()
          != TypeSerializerSnapshot.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("TypeSerializerSnapshot lost resolveSchemaCompatibility", e);
    }
  }
}
