package io.spate.api.datastream;

import io.spate.api.common.JobClient;
import io.spate.api.execution.JobListener;

/**
 * The iterator of {@link DataStream#collectAsync()}: it reads the collected records once the job
 * holding its sink has been submitted, which the environment tells it as a job listener.
 */
final class PendingCollectIterator<T> implements CloseableIterator<T>, JobListener {

  private final CollectBuffer<T> buffer;
  private volatile CollectIterator<T> running;
  private volatile boolean closed;

  PendingCollectIterator(CollectBuffer<T> buffer) {
    this.buffer = buffer;
  }

  @Override
  public synchronized void onJobSubmitted(JobClient client, Throwable error) {
    // the first job submitted after collectAsync() is the one holding this sink: the environment
    // takes all sinks defined so far into the next job
    if (running == null && client != null && !closed) {
      running = new CollectIterator<>(buffer, client);
    }
  }

  private CollectIterator<T> running() {
    CollectIterator<T> it = running;
    if (it == null) {
      throw new IllegalStateException("collectAsync(): the job of this stream has not been submitted yet; call "
          + "executeAsync() on the environment before reading the records.");
    }
    return it;
  }

  @Override
  public boolean hasNext() {
    return !closed && running().hasNext();
  }

  @Override
  public T next() {
    return running().next();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (running != null) {
      running.close();
    } else {
      buffer.close();
    }
  }
}
