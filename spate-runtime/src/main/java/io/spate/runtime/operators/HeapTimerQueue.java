package io.spate.runtime.operators;

import io.spate.runtime.operators.InternalTimerService.Timer;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;

/**
 * The timers of one time domain on the heap: a binary min-heap by timestamp that also holds each
 * (timestamp, key, namespace) at most once and removes any timer in logarithmic time. Checking for a
 * duplicate reuses one probe object, so registering a timer that exists already allocates nothing.
 */
public final class HeapTimerQueue implements TimerQueue {

  private final HashMap<Timer, Timer> index = new HashMap<>();
  private final Timer probe = new Timer(0, null, null);
  private Timer[] heap = new Timer[64];
  private int size;

  @Override
  public boolean add(long timestamp, Object key, Object namespace) {
    probe.timestamp = timestamp;
    probe.key = key;
    probe.namespace = namespace;
    if (index.containsKey(probe)) {
      return false;
    }
    Timer timer = new Timer(timestamp, key, namespace);
    index.put(timer, timer);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = timer;
    timer.index = size;
    size++;
    siftUp(timer.index);
    return true;
  }

  @Override
  public boolean remove(long timestamp, Object key, Object namespace) {
    probe.timestamp = timestamp;
    probe.key = key;
    probe.namespace = namespace;
    Timer timer = index.remove(probe);
    if (timer == null) {
      return false;
    }
    removeAt(timer.index);
    return true;
  }

  @Override
  public Timer peek() {
    return size == 0 ? null : heap[0];
  }

  @Override
  public Timer poll() {
    if (size == 0) {
      return null;
    }
    Timer head = heap[0];
    index.remove(head);
    removeAt(0);
    return head;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void forEach(Visitor visitor) throws IOException {
    for (int i = 0; i < size; i++) {
      Timer t = heap[i];
      visitor.visit(t.key, t.namespace, t.timestamp);
    }
  }

  private void removeAt(int i) {
    size--;
    Timer last = heap[size];
    heap[size] = null;
    if (i == size) {
      return;
    }
    heap[i] = last;
    last.index = i;
    siftDown(i);
    if (heap[i] == last) {
      siftUp(i);
    }
  }

  private void siftUp(int i) {
    Timer timer = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      Timer p = heap[parent];
      if (p.timestamp <= timer.timestamp) {
        break;
      }
      heap[i] = p;
      p.index = i;
      i = parent;
    }
    heap[i] = timer;
    timer.index = i;
  }

  private void siftDown(int i) {
    Timer timer = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].timestamp < heap[child].timestamp) {
        child = right;
      }
      if (timer.timestamp <= heap[child].timestamp) {
        break;
      }
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = timer;
    timer.index = i;
  }
}
