package io.spate.runtime.network;

/**
 * The in-JVM connection from one producing subtask to one consuming subtask: a bounded queue of
 * record batches and control elements, and a return path that recycles consumed batches so the
 * steady state allocates nothing.
 */
public final class LocalChannel {

  private final SpscRing<Object> elements;
  private final SpscRing<RecordBatch> recycled;
  private final String name;

  /** Creates a channel holding up to {@code capacity} elements in flight. */
  public LocalChannel(String name, int capacity) {
    this.name = name;
    this.elements = new SpscRing<>(capacity);
    this.recycled = new SpscRing<>(capacity + 2);
  }

  /** Producer: enqueues a batch or control element; false when the channel is full. */
  public boolean offer(Object element) {
    return elements.offer(element);
  }

  /** Producer: whether one more element fits. */
  public boolean hasCapacity() {
    return elements.hasCapacity();
  }

  /** Producer: an empty batch, recycled if one came back, else new. */
  public RecordBatch obtainBatch(int batchSize) {
    RecordBatch batch = recycled.poll();
    return batch != null && batch.capacity() == batchSize ? batch : new RecordBatch(batchSize);
  }

  /** Consumer: the next element, or null if none is there. */
  public Object poll() {
    return elements.poll();
  }

  /** Consumer: whether nothing is waiting. */
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /** Consumer: returns a consumed batch to the producer. */
  public void recycle(RecordBatch batch) {
    batch.clear();
    recycled.offer(batch);
  }

  /** Elements in flight, for metrics. */
  public int backlog() {
    return elements.size();
  }

  @Override
  public String toString() {
    return "LocalChannel(" + name + ")";
  }
}
