package io.spate.runtime.network;

/**
 * A batch of records with their timestamps, the unit handed from one task to another. Within one
 * JVM records are passed as references; a batch is written by one producer and, once published,
 * read by one consumer.
 */
public final class RecordBatch {

  private final Object[] values;
  private final long[] timestamps;
  // The keys a keyed exchange computed to route the records, handed on so the consumer need not again.
  private Object[] keys;
  private boolean keyed;
  private int size;

  /** Creates an empty batch that holds up to {@code capacity} records. */
  public RecordBatch(int capacity) {
    this.values = new Object[capacity];
    this.timestamps = new long[capacity];
  }

  /** Appends a record; returns whether the batch is now full. */
  public boolean add(Object value, long timestamp) {
    values[size] = value;
    timestamps[size] = timestamp;
    return ++size == values.length;
  }

  /** Appends a record with the key its producer computed for it; returns whether the batch is now full. */
  public boolean add(Object value, long timestamp, Object key) {
    if (keys == null) {
      keys = new Object[values.length];
    }
    keys[size] = key;
    keyed = true;
    return add(value, timestamp);
  }

  /** Whether the records carry the keys their producer computed. */
  public boolean hasKeys() {
    return keyed;
  }

  /** The key of the record at {@code index}, or null if its producer gave none. */
  public Object key(int index) {
    return keys == null ? null : keys[index];
  }

  /** The number of records. */
  public int size() {
    return size;
  }

  /** Whether the batch holds no record. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The record at {@code index}. */
  public Object value(int index) {
    return values[index];
  }

  /** The timestamp of the record at {@code index}. */
  public long timestamp(int index) {
    return timestamps[index];
  }

  /** Empties the batch for reuse, releasing the references it held. */
  public void clear() {
    java.util.Arrays.fill(values, 0, size, null);
    if (keyed) {
      java.util.Arrays.fill(keys, 0, size, null);
      keyed = false;
    }
    size = 0;
  }

  /** The maximum number of records. */
  public int capacity() {
    return values.length;
  }
}
