package io.spate.api.serialization;

import java.io.ObjectInputFilter;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

/**
 * The deserialization filter of {@link JavaSerializationSnapshot}: its bytes come from a savepoint
 * or checkpoint file, which whoever can write there controls, so only what a Java-serialized
 * serializer holds is allowed. That is the serializer classes themselves, Spate's own classes, the
 * classes of the job's own jar (when the job has a class loader of its own), enums, boxed primitives,
 * strings, the JDK's common collections, {@code java.time} and {@code java.math} values, and arrays
 * of those; nesting depth, object count and array length are limited. The first rejected class is
 * remembered so that the error can name it.
 */
final class SerializerSnapshotFilter implements ObjectInputFilter {

  static final long MAX_DEPTH = 100;
  static final long MAX_REFERENCES = 100_000;
  static final long MAX_ARRAY_LENGTH = 1_000_000;

  private static final Set<String> ALLOWED_CLASSES = Set.of(
      "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
      "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
      "java.lang.Number", "java.lang.Enum", "java.lang.Class",
      "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
      "java.util.TreeSet", "java.util.EnumMap", "java.util.EnumSet$SerializationProxy", "java.util.BitSet",
      "java.util.CollSer", "java.util.Arrays$ArrayList");

  private static final List<String> ALLOWED_PREFIXES = List.of(
      "io.spate.", "java.time.", "java.util.ImmutableCollections$", "java.util.Collections$Unmodifiable",
      "java.util.Collections$Empty", "java.util.Collections$Singleton", "java.util.Comparators$");

  private final ClassLoader jobClassLoader;
  private String rejected;

  /**
   * A filter that also allows the classes {@code userClassLoader} defines itself, when it is not the
   * loader of Spate's own classes (a job's jar, trusted by design: the job runs its code anyway).
   */
  SerializerSnapshotFilter(ClassLoader userClassLoader) {
    ClassLoader own = SerializerSnapshotFilter.class.getClassLoader();
    this.jobClassLoader = userClassLoader != own ? userClassLoader : null;
  }

  /** Why the first rejected value was rejected, or null if none was. */
  String rejection() {
    return rejected;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    String reason = rejectionReason(info);
    if (reason == null) {
      return Status.ALLOWED;
    }
    if (rejected == null) {
      rejected = reason;
    }
    return Status.REJECTED;
  }

  private String rejectionReason(FilterInfo info) {
    if (info.depth() > MAX_DEPTH) {
      return "it nests deeper than " + MAX_DEPTH + " objects";
    }
    if (info.references() > MAX_REFERENCES) {
      return "it holds more than " + MAX_REFERENCES + " objects";
    }
    if (info.arrayLength() > MAX_ARRAY_LENGTH) {
      return "it holds an array of " + info.arrayLength() + " elements, more than " + MAX_ARRAY_LENGTH;
    }
    Class<?> type = info.serialClass();
    if (type == null) {
      return null;
    }
    Class<?> element = type;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    if (element.isPrimitive() || isAllowed(element)) {
      return null;
    }
    return "class " + type.getName() + " is not allowed in a serializer snapshot";
  }

  private boolean isAllowed(Class<?> type) {
    if (Proxy.isProxyClass(type)) {
      return false;
    }
    if (TypeSerializer.class.isAssignableFrom(type) || type.isEnum()) {
      return true;
    }
    if (jobClassLoader != null && type.getClassLoader() == jobClassLoader) {
      return true;
    }
    String name = type.getName();
    if (ALLOWED_CLASSES.contains(name)) {
      return true;
    }
    for (String prefix : ALLOWED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
