package io.spate.runtime.timers;

import io.spate.api.operators.InternalTimer;
import java.util.Objects;

/**
 * A timer: when it fires, the key it belongs to and the namespace it was set in. A fired timer has
 * left its queue and is handed to the target as it is.
 */
public final class Timer implements InternalTimer<Object, Object> {
  final long timestamp;
  final Object key;
  final Object namespace;
  final int hash;

  /** A timer of {@code key} in {@code namespace} at {@code timestamp}. */
  public Timer(long timestamp, Object key, Object namespace) {
    this(timestamp, key, namespace, hash(timestamp, key, namespace));
  }

  Timer(long timestamp, Object key, Object namespace, int hash) {
    this.timestamp = timestamp;
    this.key = key;
    this.namespace = namespace;
    this.hash = hash;
  }

  /** The hash code of the timer of {@code key} in {@code namespace} at {@code timestamp}. */
  static int hash(long timestamp, Object key, Object namespace) {
    return (Long.hashCode(timestamp) * 31 + key.hashCode()) * 31 + Objects.hashCode(namespace);
  }

  /** Whether this is the timer of {@code key} in {@code namespace} at {@code timestamp}. */
  boolean is(long timestamp, Object key, Object namespace) {
    return this.timestamp == timestamp && this.key.equals(key) && Objects.equals(this.namespace, namespace);
  }

  /** When the timer fires. */
  public long timestamp() {
    return timestamp;
  }

  /** The key it belongs to. */
  public Object key() {
    return key;
  }

  /** The namespace it was set in. */
  public Object namespace() {
    return namespace;
  }

  @Override
  public long getTimestamp() {
    return timestamp;
  }

  @Override
  public Object getKey() {
    return key;
  }

  @Override
  public Object getNamespace() {
    return namespace;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timer t && t.hash == hash && t.is(timestamp, key, namespace);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Timer(" + timestamp + ", " + key + ", " + namespace + ")";
  }
}
