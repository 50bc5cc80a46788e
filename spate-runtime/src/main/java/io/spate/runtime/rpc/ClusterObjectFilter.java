package io.spate.runtime.rpc;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ObjectInputFilter} through which a cluster process reads every Java-serialized value
 * that comes from the network. It allows Spate's own classes ({@code io.spate.*}), the JDK value
 * types the runtime passes around (strings, boxed primitives, enums, exceptions and stack traces,
 * the JDK's enums, the common {@code java.util} collections and {@link java.util.Properties},
 * {@code java.time}, {@code java.math}, {@link java.net.URI}, {@link java.net.InetSocketAddress},
 * serialized lambdas) and arrays of those, plus, when given, every
 * class of one user-code class loader (a job's jar). Anything else is rejected and the rejection
 * logged naming the class. Depth, references, array length and total bytes are limited.
 */
public final class ClusterObjectFilter implements ObjectInputFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterObjectFilter.class);

  /** The default nesting depth limit: deep enough for a job graph, far below a stack overflow. */
  public static final long DEFAULT_MAX_DEPTH = 200;
  /** The default limit of objects and references in one value. */
  public static final long DEFAULT_MAX_REFERENCES = 1_000_000;

  private static final Set<String> ALLOWED_CLASSES = Set.of(
      "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
      "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
      "java.lang.Number", "java.lang.Enum", "java.lang.StackTraceElement", "java.lang.invoke.SerializedLambda",
      "java.math.BigInteger", "java.math.BigDecimal",
      "java.net.URI", "java.net.InetSocketAddress", "java.net.InetAddress", "java.net.Inet4Address",
      "java.net.Inet6Address", "java.net.SocketAddress",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
      "java.util.TreeSet", "java.util.EnumMap", "java.util.EnumSet$SerializationProxy", "java.util.BitSet",
      "java.util.UUID", "java.util.Date", "java.util.IdentityHashMap", "java.util.PriorityQueue",
      "java.util.CollSer", "java.util.Map$Entry", "java.util.Arrays$ArrayList", "java.util.AbstractMap$SimpleEntry",
      "java.util.AbstractMap$SimpleImmutableEntry",
      // Connectors keep their client settings as Properties, as Flink's do (Kafka, JDBC).
      "java.util.Properties", "java.util.Hashtable",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.atomic.AtomicInteger",
      "java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicBoolean");

  private static final List<String> ALLOWED_PREFIXES = List.of(
      "io.spate.", "java.time.", "java.util.ImmutableCollections$", "java.util.Collections$",
      "java.util.Comparators$");

  private final long maxDepth;
  private final long maxReferences;
  private final long maxArrayLength;
  private final long maxBytes;
  private final ClassLoader userClassLoader;

  private ClusterObjectFilter(long maxDepth, long maxReferences, long maxArrayLength, long maxBytes,
      ClassLoader userClassLoader) {
    if (maxDepth < 1 || maxReferences < 1 || maxArrayLength < 0 || maxBytes < 1) {
      throw new IllegalArgumentException("The limits of a filter must be positive: depth " + maxDepth
          + ", references " + maxReferences + ", array length " + maxArrayLength + ", bytes " + maxBytes);
    }
    this.maxDepth = maxDepth;
    this.maxReferences = maxReferences;
    this.maxArrayLength = maxArrayLength;
    this.maxBytes = maxBytes;
    this.userClassLoader = userClassLoader;
  }

  /** A filter reading values of at most {@code maxBytes}, with the default depth and reference limits. */
  public static ClusterObjectFilter ofMaxBytes(long maxBytes) {
    return new ClusterObjectFilter(DEFAULT_MAX_DEPTH, DEFAULT_MAX_REFERENCES, maxBytes, maxBytes, null);
  }

  /** A filter with explicit limits. */
  public static ClusterObjectFilter withLimits(long maxDepth, long maxReferences, long maxArrayLength,
      long maxBytes) {
    return new ClusterObjectFilter(maxDepth, maxReferences, maxArrayLength, maxBytes, null);
  }

  /**
   * This filter, also allowing every class defined by {@code userClassLoader} (a job's jar), for
   * reading values that hold user code such as a job graph's functions.
   */
  public ClusterObjectFilter withUserClassLoader(ClassLoader userClassLoader) {
    return new ClusterObjectFilter(maxDepth, maxReferences, maxArrayLength, maxBytes, userClassLoader);
  }

  /** The largest number of bytes one value may take. */
  public long maxBytes() {
    return maxBytes;
  }

  @Override
  public Status checkInput(FilterInfo info) {
    String reason = rejectionReason(info);
    if (reason == null) {
      return Status.ALLOWED;
    }
    LOG.warn("Refused to deserialize a value from the network: {}", reason);
    return Status.REJECTED;
  }

  /** Why {@code info} is rejected, or null when it is allowed. */
  String rejectionReason(FilterInfo info) {
    if (info.depth() > maxDepth) {
      return "it nests deeper than " + maxDepth + " objects";
    }
    if (info.references() > maxReferences) {
      return "it holds more than " + maxReferences + " objects";
    }
    if (info.streamBytes() > maxBytes) {
      return "it is longer than " + maxBytes + " bytes";
    }
    if (info.arrayLength() > maxArrayLength) {
      return "it holds an array of " + info.arrayLength() + " elements, more than " + maxArrayLength;
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
    return "class " + type.getName() + " is not allowed by the cluster's deserialization filter"
        + (userClassLoader == null ? "" : " (nor loaded by the job's class loader)");
  }

  private boolean isAllowed(Class<?> type) {
    if (userClassLoader != null && type.getClassLoader() == userClassLoader) {
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
    // Exceptions of the JDK carry remote failures, and its enums are plain constants; only the
    // platform's own, never a library's.
    return (Throwable.class.isAssignableFrom(type) || type.isEnum()) && isPlatformClass(type);
  }

  private static boolean isPlatformClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
