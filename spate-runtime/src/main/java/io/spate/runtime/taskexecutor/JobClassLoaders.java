package io.spate.runtime.taskexecutor;

import io.spate.api.common.JobID;
import io.spate.api.configuration.Configuration;
import io.spate.runtime.FileNames;
import io.spate.runtime.FileTrees;
import io.spate.api.configuration.TaskManagerOptions;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.runtime.jobmaster.JobJars;
import io.spate.runtime.jobmaster.JobMasterGateway;
import io.spate.runtime.rpc.RpcService;
import io.spate.runtime.execution.ExecutionAttemptID;
import io.spate.runtime.tasks.TaskDeploymentDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loaders of the jobs whose tasks a TaskExecutor runs. A job that lists jars
 * ({@code pipeline.jars}) gets its jars downloaded from its JobMaster, once, into this TaskExecutor's
 * directory, and one child-first class loader over them that all its tasks here share; a job without
 * jars uses the TaskExecutor's own class loader. A job's loader is closed and its files deleted once
 * no task of the job has run here for the configured linger ({@link TaskManagerOptions#JOB_JARS_LINGER}),
 * so that a restart reuses it, and when the TaskExecutor closes.
 *
 * <p>Thread-safe: the TaskExecutor's main thread acquires and releases, downloads run on threads of
 * their own, one per job at a time.
 */
public final class JobClassLoaders implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaders.class);
  private static final int DOWNLOAD_THREADS = 2;
  private static final int MAX_QUEUED_DOWNLOADS = 64;
  // Jobs without tasks here whose loaders are kept for a restart; beyond this the longest idle goes early.
  private static final int MAX_IDLE_JOBS = 16;
  private static final long CALL_TIMEOUT_SECONDS = 60;

  private final String owner;
  private final RpcService rpcService;
  private final Path baseDirectory;
  private final long lingerMillis;
  private final ClassLoader parent = JobClassLoaders.class.getClassLoader();
  private final ThreadPoolExecutor downloads;
  private final Map<JobID, JobEntry> jobs = new LinkedHashMap<>();
  private final AtomicLong downloadedBytes = new AtomicLong();
  private Path directory;
  private long downloadsStarted;
  private boolean closed;

  /**
   * The loaders of the TaskExecutor at {@code owner}, which reaches JobMasters through
   * {@code rpcService}, configured by {@link TaskManagerOptions#TMP_DIR} and
   * {@link TaskManagerOptions#JOB_JARS_LINGER} in {@code configuration}.
   */
  public JobClassLoaders(String owner, RpcService rpcService, Configuration configuration) {
    this.owner = owner;
    this.rpcService = rpcService;
    this.baseDirectory = Path.of(configuration.get(TaskManagerOptions.TMP_DIR));
    this.lingerMillis = configuration.get(TaskManagerOptions.JOB_JARS_LINGER).toMillis();
    this.downloads = new ThreadPoolExecutor(DOWNLOAD_THREADS, DOWNLOAD_THREADS, 10, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(MAX_QUEUED_DOWNLOADS), runnable -> {
          Thread thread = new Thread(runnable, owner + "-job-jars");
          thread.setDaemon(true);
          return thread;
        });
    this.downloads.allowCoreThreadTimeOut(true);
  }

  /**
   * The class loader of the job of {@code tdd} for its attempt, which holds it until
   * {@link #release}: at once if the job has no jars or its loader is here, else once the jars are
   * downloaded (a download under way for the job is shared). Fails with a message naming the job, the
   * jar and the reason.
   */
  public CompletableFuture<ClassLoader> acquire(TaskDeploymentDescriptor tdd) {
    List<String> jars = tdd.jobJars();
    if (jars.isEmpty()) {
      return CompletableFuture.completedFuture(parent);
    }
    ExecutionAttemptID attempt = tdd.attemptId();
    JobID jobId = attempt.jobId();
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("TaskExecutor " + owner
            + " is closing and loads no code of job " + jobId));
      }
      JobEntry entry = jobs.get(jobId);
      if (entry == null) {
        entry = new JobEntry(jobId);
        jobs.put(jobId, entry);
        startDownload(entry, jars, tdd.jobMasterAddress());
      }
      entry.attempts.add(attempt);
      entry.idleGeneration++; // cancels a pending linger
      return entry.loader.copy();
    }
  }

  /**
   * The attempt no longer runs here; when it was the last one of its job, the job's loader lingers
   * and is then closed and its jars deleted. Releasing an attempt that holds nothing does nothing.
   */
  public void release(ExecutionAttemptID attempt) {
    JobID jobId = attempt.jobId();
    synchronized (this) {
      JobEntry entry = jobs.get(jobId);
      if (entry == null || !entry.attempts.remove(attempt) || !entry.attempts.isEmpty()) {
        return;
      }
      long generation = ++entry.idleGeneration;
      entry.idleSinceNanos = System.nanoTime();
      try {
        rpcService.schedule(() -> expire(entry, generation), lingerMillis);
      } catch (RuntimeException stopping) {
        jobs.remove(jobId);
        disposeOffTimer(entry);
        return;
      }
      evictIdleBeyondBound();
    }
  }

  /** How many jobs have a loader of downloaded jars here (in use, lingering or being downloaded). */
  public synchronized int cachedJobs() {
    return jobs.size();
  }

  /** How many bytes of job jars this TaskExecutor has downloaded so far. */
  public long downloadedBytes() {
    return downloadedBytes.get();
  }

  /** Closes every loader, stops the downloads and deletes this TaskExecutor's directory of jars. */
  @Override
  public void close() {
    List<JobEntry> entries;
    Path ownDirectory;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      entries = new ArrayList<>(jobs.values());
      jobs.clear();
      ownDirectory = directory;
    }
    downloads.shutdownNow();
    try {
      if (!downloads.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Downloads of job jars of TaskExecutor {} did not stop within 10 s", owner);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (JobEntry entry : entries) {
      entry.loader.completeExceptionally(new IllegalStateException("TaskExecutor " + owner + " closed"));
      dispose(entry);
    }
    if (ownDirectory != null) {
      deleteRecursively(ownDirectory);
    }
  }

  private void startDownload(JobEntry entry, List<String> jars, String jobMasterAddress) {
    Path jobDirectory;
    try {
      // Each download has a directory of its own: an expired one of the same job may still be deleted.
      jobDirectory = directory().resolve("job-" + entry.jobId + "-" + (++downloadsStarted));
    } catch (IOException e) {
      failEntry(entry, new IOException("TaskExecutor " + owner + " cannot create its directory for job jars under "
          + baseDirectory + ": " + e, e));
      return;
    }
    entry.directory = jobDirectory;
    try {
      downloads.execute(() -> {
        try {
          ClassLoader loader = download(entry.jobId, jars, jobMasterAddress, jobDirectory);
          if (!entry.loader.complete(loader)) {
            closeQuietly(loader); // closed meanwhile
          }
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          failEntry(entry, e);
        }
      });
    } catch (RejectedExecutionException e) {
      failEntry(entry, new IOException("TaskExecutor " + owner + " has " + MAX_QUEUED_DOWNLOADS
          + " downloads of job jars waiting; cannot download the jars of job " + entry.jobId + " now", e));
    }
  }

  private synchronized Path directory() throws IOException {
    if (directory == null) {
      Files.createDirectories(baseDirectory);
      directory = Files.createTempDirectory(baseDirectory,
          "spate-jobjars-" + FileNames.safe(owner) + "-");
    }
    return directory;
  }

  private ClassLoader download(JobID jobId, List<String> jars, String jobMasterAddress, Path jobDirectory)
      throws Exception {
    JobMasterGateway jobMaster;
    List<Long> sizes;
    try {
      jobMaster = await(rpcService.connect(jobMasterAddress, JobMasterGateway.class));
      sizes = await(jobMaster.jobJarSizes());
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("TaskExecutor " + owner + " cannot fetch the jars " + jars + " of job " + jobId
          + " from JobMaster " + jobMasterAddress + ": " + reason(e), e);
    }
    if (sizes.size() != jars.size()) {
      throw new IOException("JobMaster " + jobMasterAddress + " serves " + sizes.size() + " jar(s) of job " + jobId
          + " but the deployment lists " + jars.size() + ": " + jars);
    }
    Files.createDirectories(jobDirectory);
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < jars.size(); i++) {
      Path target = jobDirectory.resolve(i + "-" + fileName(jars.get(i)));
      try {
        fetch(jobMaster, i, sizes.get(i), target);
      } catch (ExecutionException | TimeoutException | IOException e) {
        throw new IOException("TaskExecutor " + owner + " cannot fetch jar " + jars.get(i) + " of job " + jobId
            + " from JobMaster " + jobMasterAddress + ": " + reason(e), e);
      }
      urls[i] = target.toUri().toURL();
    }
    LOG.info("TaskExecutor {} downloaded {} jar(s) of job {} ({} bytes)", owner, jars.size(), jobId,
        sizes.stream().mapToLong(Long::longValue).sum());
    return new ChildFirstClassLoader(urls, parent);
  }

  private void fetch(JobMasterGateway jobMaster, int jarIndex, long size, Path target) throws Exception {
    try (OutputStream out = Files.newOutputStream(target)) {
      long offset = 0;
      while (offset < size) {
        byte[] chunk = await(jobMaster.readJobJar(jarIndex, offset, JobJars.MAX_CHUNK_BYTES));
        if (chunk.length == 0) {
          throw new IOException("it ended after " + offset + " of its " + size + " bytes");
        }
        out.write(chunk);
        offset += chunk.length;
        downloadedBytes.addAndGet(chunk.length);
      }
    }
    long written = Files.size(target);
    if (written != size) {
      throw new IOException("it has " + written + " bytes instead of the " + size + " the JobMaster announced");
    }
  }

  private static <T> T await(CompletableFuture<T> call) throws Exception {
    return call.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static String reason(Exception e) {
    if (e instanceof TimeoutException) {
      return "no answer within " + CALL_TIMEOUT_SECONDS + " s";
    }
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private static String fileName(String location) {
    String name = FileNames.safe(location.substring(location.replace('\\', '/').lastIndexOf('/') + 1));
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    return name.isEmpty() ? "job.jar" : name;
  }

  private void failEntry(JobEntry entry, Exception failure) {
    LOG.warn("{}", failure.getMessage());
    synchronized (this) {
      if (jobs.get(entry.jobId) == entry) {
        jobs.remove(entry.jobId); // the next deployment of the job tries again
      }
    }
    entry.loader.completeExceptionally(failure);
    dispose(entry);
  }

  private void expire(JobEntry entry, long generation) {
    synchronized (this) {
      if (jobs.get(entry.jobId) != entry || entry.idleGeneration != generation || !entry.attempts.isEmpty()) {
        return;
      }
      jobs.remove(entry.jobId);
    }
    LOG.info("TaskExecutor {} releases the class loader of job {}: no task of it ran here for {} ms", owner,
        entry.jobId, lingerMillis);
    disposeOffTimer(entry);
  }

  /** Called under the lock. */
  private void evictIdleBeyondBound() {
    List<JobEntry> idle = new ArrayList<>();
    for (JobEntry entry : jobs.values()) {
      if (entry.attempts.isEmpty()) {
        idle.add(entry);
      }
    }
    if (idle.size() <= MAX_IDLE_JOBS) {
      return;
    }
    idle.sort(Comparator.comparingLong(entry -> entry.idleSinceNanos));
    for (JobEntry entry : idle.subList(0, idle.size() - MAX_IDLE_JOBS)) {
      jobs.remove(entry.jobId);
      disposeOffTimer(entry);
    }
  }

  private void disposeOffTimer(JobEntry entry) {
    try {
      downloads.execute(() -> dispose(entry));
    } catch (RejectedExecutionException e) {
      dispose(entry);
    }
  }

  private void dispose(JobEntry entry) {
    entry.loader.whenComplete((loader, failure) -> {
      if (loader != null) {
        closeQuietly(loader);
      }
      if (entry.directory != null) {
        deleteRecursively(entry.directory);
      }
    });
  }

  private void closeQuietly(ClassLoader loader) {
    if (loader instanceof ChildFirstClassLoader own) {
      try {
        own.close();
      } catch (IOException e) {
        LOG.warn("TaskExecutor {} cannot close a job's class loader", owner, e);
      }
    }
  }

  private void deleteRecursively(Path root) {
    try {
      FileTrees.delete(root);
    } catch (IOException e) {
      LOG.warn("TaskExecutor {} cannot delete {}", owner, root, e);
    }
  }

  /** One job's loader and the attempts here that hold it. */
  private static final class JobEntry {
    final JobID jobId;
    final CompletableFuture<ClassLoader> loader = new CompletableFuture<>();
    final Set<ExecutionAttemptID> attempts = new HashSet<>();
    // Bumped whenever the job gains or loses its last attempt, so that a stale linger does nothing.
    long idleGeneration;
    long idleSinceNanos;
    volatile Path directory;

    JobEntry(JobID jobId) {
      this.jobId = jobId;
    }
  }
}
