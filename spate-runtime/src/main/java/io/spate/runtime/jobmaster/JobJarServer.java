package io.spate.runtime.jobmaster;

import io.spate.api.common.JobID;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Serves one job's jars to TaskExecutors off the JobMaster's main thread: the file reads run on the
 * JobMaster's I/O executor, and once that has shut down (the job ended) a read fails saying so.
 */
final class JobJarServer {

  private final JobJars jars;
  private final Executor io;
  private final JobID jobId;

  JobJarServer(JobJars jars, Executor io, JobID jobId) {
    this.jars = jars;
    this.io = io;
    this.jobId = jobId;
  }

  /** The size in bytes of each jar, in order; fails with the IOException naming a missing jar. */
  CompletableFuture<List<Long>> sizes() {
    return onIo(jars::sizes);
  }

  /** A chunk of jar {@code jarIndex}, as {@link JobJars#read}. */
  CompletableFuture<byte[]> read(int jarIndex, long offset, int maxLength) {
    return onIo(() -> jars.read(jarIndex, offset, maxLength));
  }

  /** Runs a file read on the I/O executor; an unchecked IOException fails the call with the IOException. */
  private <T> CompletableFuture<T> onIo(Supplier<T> read) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      io.execute(() -> {
        try {
          result.complete(read.get());
        } catch (UncheckedIOException e) {
          result.completeExceptionally(e.getCause());
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("Job " + jobId + " has ended: its JobMaster"
          + " serves its jars no more"));
    }
    return result;
  }
}
