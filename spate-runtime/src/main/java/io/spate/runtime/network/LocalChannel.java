package io.spate.runtime.network;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-JVM connection from one producing subtask to one consuming subtask: a bounded queue of
 * record batches and control elements, and a return path that recycles consumed batches so the
 * steady state allocates nothing. A second, unbounded lane carries priority events (barriers of
 * unaligned checkpoints) that the consumer reads before the ordinary elements.
 */
public final class LocalChannel {

  private final SpscRing<Object> elements;
  private final SpscRing<RecordBatch> recycled;
  private final String name;
  private final int capacity;
  private final Queue<Object> priority = new ConcurrentLinkedQueue<>();
  // Events in the priority lane: its producers (a local task, a remote receiver) keep it bounded by this.
  private final AtomicInteger priorityBacklog = new AtomicInteger();
  // The consumer's gate counter, bumped on every priority event so it need not scan every channel.
  private volatile AtomicLong priorityNotifier;
  // Wake the worker of the consumer when an element arrives, and of the producer when room is made.
  private volatile Runnable consumerWaker;
  private volatile Runnable producerWaker;
  // Written only by the channel's one remote end (a sender or a receiver), read by metrics.
  private volatile long networkBytes;

  /** Creates a channel holding up to {@code capacity} elements in flight. */
  public LocalChannel(String name, int capacity) {
    this.name = name;
    this.capacity = capacity;
    this.elements = new SpscRing<>(capacity);
    this.recycled = new SpscRing<>(capacity + 2);
  }

  /**
   * The bytes this channel's elements took on the network, as its remote end counted them; 0 for a
   * channel whose producer and consumer run in one process, which hands elements over unserialized.
   */
  public long networkBytes() {
    return networkBytes;
  }

  /** The remote end: {@code bytes} more crossed the network for this channel. Called by one thread only. */
  public void addNetworkBytes(int bytes) {
    networkBytes = networkBytes + bytes;
  }

  /** Producer: enqueues a batch or control element; false when the channel is full. */
  public boolean offer(Object element) {
    if (!elements.offer(element)) {
      return false;
    }
    wake(consumerWaker);
    return true;
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

  /**
   * Producer: enqueues a priority event; never blocks. The event is in the lane before the notifier
   * moves, and both before any ordinary element offered afterwards.
   */
  public void offerPriority(Object event) {
    priorityBacklog.incrementAndGet();
    priority.add(event);
    AtomicLong notifier = priorityNotifier;
    if (notifier != null) {
      notifier.incrementAndGet();
    }
    wake(consumerWaker);
  }

  /**
   * Consumer: counts priority events on {@code notifier} from now on; the consumer must look at the
   * lane once after registering, as events offered before that did not count.
   */
  public void registerPriorityNotifier(AtomicLong notifier) {
    this.priorityNotifier = notifier;
  }

  /** Consumer: the next priority event, or null. */
  public Object pollPriority() {
    Object event = priority.poll();
    if (event != null) {
      priorityBacklog.decrementAndGet();
    }
    return event;
  }

  /** The number of priority events waiting for the consumer. */
  public int priorityBacklog() {
    return priorityBacklog.get();
  }

  /** Consumer: the next element, or null if none is there. */
  public Object poll() {
    Object element = elements.poll();
    if (element != null) {
      wake(producerWaker);
    }
    return element;
  }

  /** Consumer: has {@code waker} run whenever an element or a priority event arrives. */
  public void registerConsumerWaker(Runnable waker) {
    this.consumerWaker = waker;
  }

  /** Producer: has {@code waker} run whenever the consumer takes an element (making room). */
  public void registerProducerWaker(Runnable waker) {
    this.producerWaker = waker;
  }

  private static void wake(Runnable waker) {
    if (waker != null) {
      waker.run();
    }
  }

  /**
   * Consumer: the element {@code offset} places after the next one, left in the channel, or null if
   * the channel holds no such element yet. A batch seen this way stays unchanged until it is polled.
   */
  public Object peek(long offset) {
    return elements.peek(offset);
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

  /** The elements the channel holds at most, for metrics. */
  public int capacity() {
    return capacity;
  }

  @Override
  public String toString() {
    return "LocalChannel(" + name + ")";
  }
}
