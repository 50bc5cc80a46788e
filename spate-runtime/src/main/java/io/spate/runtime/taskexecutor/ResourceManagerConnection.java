package io.spate.runtime.taskexecutor;

import io.spate.runtime.heartbeat.HeartbeatMonitor;
import io.spate.runtime.heartbeat.HeartbeatSettings;
import io.spate.runtime.rpc.RpcAuthenticationException;
import io.spate.runtime.rpc.RpcException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskExecutor's link to its ResourceManager: registers (retrying with a bounded backoff until it
 * succeeds or the TaskExecutor closes; a refused authentication is not retried), then expects a heartbeat request from the ResourceManager at
 * least every {@code heartbeat.timeout}. When none comes it reports the ResourceManager (and so the
 * JobManager) lost, after which it registers again. Runs on the TaskExecutor's main thread.
 */
final class ResourceManagerConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceManagerConnection.class);
  private static final long FIRST_RETRY_MILLIS = 100;

  private final String taskExecutorAddress;
  private final String resourceManagerAddress;
  private final HeartbeatSettings settings;
  private final HeartbeatMonitor.Scheduler scheduler;
  private final Executor mainThread;
  private final Function<String, CompletableFuture<Void>> register;
  private final Consumer<String> onLost;
  private final HeartbeatMonitor<Void> monitor;
  private final RegistrationBackoff backoff;
  private final CompletableFuture<Void> firstRegistration = new CompletableFuture<>();
  private boolean registered;
  private int failedAttempts;
  private volatile boolean closed;

  /**
   * Creates the connection; {@link #start()} registers.
   *
   * @param register sends one registration to the ResourceManager at the given address
   * @param onLost called with the reason when the ResourceManager has gone silent
   */
  ResourceManagerConnection(String taskExecutorAddress, String resourceManagerAddress, HeartbeatSettings settings,
      HeartbeatMonitor.Scheduler scheduler, Executor mainThread, LongSupplier clockMillis,
      Function<String, CompletableFuture<Void>> register, Consumer<String> onLost) {
    this.taskExecutorAddress = taskExecutorAddress;
    this.resourceManagerAddress = resourceManagerAddress;
    this.settings = settings;
    this.scheduler = scheduler;
    this.mainThread = mainThread;
    this.register = register;
    this.onLost = onLost;
    this.backoff = new RegistrationBackoff(Math.min(FIRST_RETRY_MILLIS, settings.intervalMillis()),
        settings.intervalMillis());
    this.monitor = new HeartbeatMonitor<>(settings, scheduler, mainThread, clockMillis, null,
        new HeartbeatMonitor.Listener<>() {
          @Override
          public void targetLost(String target, long silentMillis) {
            resourceManagerLost(silentMillis);
          }
        });
  }

  /** Starts registering; the future completes with the first successful registration. */
  CompletableFuture<Void> start() {
    monitor.start();
    attemptRegistration();
    return firstRegistration;
  }

  /** The address of the ResourceManager. */
  String resourceManagerAddress() {
    return resourceManagerAddress;
  }

  /** Whether the last registration holds: registered and not lost since. */
  boolean isRegistered() {
    return registered;
  }

  /** The ResourceManager at {@code from} sent a heartbeat request. */
  void heartbeatReceived(String from) {
    if (resourceManagerAddress.equals(from)) {
      monitor.receiveHeartbeat(resourceManagerAddress);
    }
  }

  /** Stops registering and watching; any thread may call it. */
  void close() {
    closed = true;
    monitor.stop();
    firstRegistration.completeExceptionally(new RpcException("TaskExecutor " + taskExecutorAddress
        + " closed before it registered with the ResourceManager at " + resourceManagerAddress));
  }

  private void attemptRegistration() {
    if (closed) {
      return;
    }
    CompletableFuture<Void> attempt;
    try {
      attempt = register.apply(resourceManagerAddress);
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    // A registration that gets no answer counts as failed, so that the retries go on.
    attempt.orTimeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync((ok, error) -> registrationDone(error), mainThread);
  }

  private void registrationDone(Throwable error) {
    if (closed) {
      return;
    }
    if (error == null) {
      registered = true;
      failedAttempts = 0;
      backoff.reset();
      monitor.monitorTarget(resourceManagerAddress);
      LOG.info("TaskExecutor {} registered with the ResourceManager at {}", taskExecutorAddress, resourceManagerAddress);
      firstRegistration.complete(null);
      return;
    }
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (RpcAuthenticationException.isCauseOf(cause)) {
      // Another attempt would be refused the same way: only a change of configuration helps.
      LOG.error("TaskExecutor {} cannot register with the ResourceManager at {}: {}; it stops trying",
          taskExecutorAddress, resourceManagerAddress, cause.getMessage());
      firstRegistration.completeExceptionally(cause);
      return;
    }
    long delay = backoff.nextDelayMillis();
    failedAttempts++;
    if (failedAttempts == 1 || failedAttempts % 10 == 0) {
      LOG.warn("TaskExecutor {} could not register with the ResourceManager at {} (attempt {}): {}; retrying in {} ms",
          taskExecutorAddress, resourceManagerAddress, failedAttempts, cause.toString(), delay);
    }
    scheduler.schedule(this::attemptRegistration, delay);
  }

  private void resourceManagerLost(long silentMillis) {
    disconnected("no heartbeat from the ResourceManager at " + resourceManagerAddress + " for " + silentMillis
        + " ms (heartbeat.timeout " + settings.timeoutMillis() + " ms)");
  }

  /** The ResourceManager is lost for {@code reason}, or dropped this TaskExecutor: tasks stop, registration starts over. */
  void disconnected(String reason) {
    if (closed || !registered) {
      return;
    }
    registered = false;
    LOG.warn("TaskExecutor {} lost its ResourceManager and JobManager: {}; cancelling its tasks and registering again",
        taskExecutorAddress, reason);
    onLost.accept(reason);
    attemptRegistration();
  }
}
