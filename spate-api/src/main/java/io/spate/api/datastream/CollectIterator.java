package io.spate.api.datastream;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The iterator of {@link DataStream#executeAndCollect()}: reads the buffer until the job ends. */
final class CollectIterator<T> implements CloseableIterator<T> {

  private final CollectBuffer<T> buffer;
  private final JobClient client;
  private final CompletableFuture<?> result;
  private T next;
  private boolean closed;

  CollectIterator(CollectBuffer<T> buffer, JobClient client) {
    this.buffer = buffer;
    this.client = client;
    this.result = client.getJobExecutionResult();
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      while (next == null) {
        boolean jobEnded = result.isDone();
        next = buffer.poll(jobEnded ? 0 : 50);
        if (next == null && jobEnded) {
          checkJobResult();
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("Interrupted while waiting for the records of job " + client.getJobID(), e);
    }
  }

  private void checkJobResult() {
    try {
      result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      JobExecutionException failure = cause instanceof JobExecutionException j
          ? j : new JobExecutionException(client.getJobID(), "Job " + client.getJobID() + " failed: " + cause, cause);
      throw new JobFailedException(failure);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T element = next;
    next = null;
    return element;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    buffer.close();
    if (!result.isDone()) {
      client.cancel().join();
    }
  }

  /** Thrown by {@link #hasNext()} when the job behind the iterator failed; the cause says why. */
  static final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobFailedException(JobExecutionException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
