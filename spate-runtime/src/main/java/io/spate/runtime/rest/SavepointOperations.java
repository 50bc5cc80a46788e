package io.spate.runtime.rest;

import io.spate.api.common.JobID;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The savepoints triggered through the REST API, by request id, so that clients can poll for their
 * outcome; the oldest finished ones are forgotten past a bound. It knows which outcomes no client
 * has fetched yet, so that a server that stops with its job can wait for them.
 */
final class SavepointOperations {

  static final int MAX_REMEMBERED = 1000;

  /** One triggered savepoint: the job it belongs to and its outcome (the savepoint's path). */
  record Operation(JobID jobId, CompletableFuture<String> outcome) {}

  private final Map<String, Operation> operations = new LinkedHashMap<>();
  private final Set<String> unreported = new HashSet<>();

  /** Remembers {@code outcome} and returns the request id under which it can be polled. */
  synchronized String register(JobID jobId, CompletableFuture<String> outcome) {
    String id = UUID.randomUUID().toString().replace("-", "");
    operations.put(id, new Operation(jobId, outcome));
    unreported.add(id);
    Iterator<Operation> oldest = operations.values().iterator();
    while (operations.size() > MAX_REMEMBERED && oldest.hasNext()) {
      if (oldest.next().outcome().isDone()) {
        oldest.remove();
      }
    }
    unreported.retainAll(operations.keySet());
    return id;
  }

  /** Records that a client was told the outcome of {@code requestId}. */
  synchronized void reported(String requestId) {
    if (unreported.remove(requestId) && unreported.isEmpty()) {
      notifyAll();
    }
  }

  /**
   * Waits until a client has fetched the outcome of every triggered savepoint, or {@code timeout}
   * has passed; returns whether all were fetched.
   */
  synchronized boolean awaitAllReported(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!unreported.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** The operation {@code requestId} of {@code jobId}, or null if there is none. */
  synchronized Operation get(JobID jobId, String requestId) {
    Operation operation = operations.get(requestId);
    return operation != null && operation.jobId().equals(jobId) ? operation : null;
  }
}
