package io.spate.runtime.heartbeat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Watches peers ("targets") of a cluster role for signs of life. Every {@code heartbeat.interval} it
 * asks each target for a heartbeat (if it has a {@link Requester}), and reports a target whose last
 * heartbeat is older than {@code heartbeat.timeout} to its {@link Listener}, once, and stops
 * watching it. A monitor without a requester only checks the heartbeats that its owner hands to
 * {@link #receiveHeartbeat(String)}, which is how the side that is asked watches the side that asks.
 *
 * <p>All methods, and the scheduled checks, run on the owning endpoint's main thread, so the monitor
 * has no locks; only {@link #stop()} may be called from any thread.
 *
 * @param <P> what a target answers a heartbeat request with
 */
public final class HeartbeatMonitor<P> {

  /** The most targets one monitor watches. */
  public static final int MAX_TARGETS = 65_536;

  /** Runs an action on the owner's main thread after a delay. */
  @FunctionalInterface
  public interface Scheduler {
    /** Runs {@code action} on the owner's main thread in {@code delayMillis}. */
    void schedule(Runnable action, long delayMillis);
  }

  /** Sends a heartbeat request to a target. */
  @FunctionalInterface
  public interface Requester<P> {
    /** Asks {@code target} for a heartbeat; the future completes with its answer or fails. */
    CompletableFuture<P> requestHeartbeat(String target);
  }

  /** Learns what the monitor sees. */
  public interface Listener<P> {
    /** {@code target} answered a heartbeat request with {@code payload} (null for a received heartbeat). */
    default void heartbeatReceived(String target, P payload) {}

    /** {@code target} has not given a heartbeat for {@code silentMillis}; it is no longer watched. */
    void targetLost(String target, long silentMillis);
  }

  private static final class Target {
    long lastHeartbeatMillis;
    boolean requestInFlight;

    Target(long now) {
      this.lastHeartbeatMillis = now;
    }
  }

  private final HeartbeatSettings settings;
  private final Scheduler scheduler;
  private final Executor mainThread;
  private final LongSupplier clockMillis;
  private final Requester<P> requester;
  private final Listener<P> listener;
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private boolean started;
  private volatile boolean stopped;

  /**
   * Creates a monitor; {@link #start()} starts its checks.
   *
   * @param settings the interval and timeout
   * @param scheduler runs the periodic check on the owner's main thread
   * @param mainThread the owner's main thread, where answers are handled
   * @param clockMillis a monotonic clock in milliseconds
   * @param requester sends heartbeat requests, or null for a monitor that only receives heartbeats
   * @param listener learns of answers and of lost targets
   */
  public HeartbeatMonitor(HeartbeatSettings settings, Scheduler scheduler, Executor mainThread,
      LongSupplier clockMillis, Requester<P> requester, Listener<P> listener) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.mainThread = mainThread;
    this.clockMillis = clockMillis;
    this.requester = requester;
    this.listener = listener;
  }

  /** The system's monotonic clock in milliseconds. */
  public static long monotonicMillis() {
    return System.nanoTime() / 1_000_000L;
  }

  /** Starts the periodic check; further calls do nothing. */
  public void start() {
    if (!started && !stopped) {
      started = true;
      scheduler.schedule(this::check, settings.intervalMillis());
    }
  }

  /** Stops the periodic check; no target is reported after this. Any thread may call it. */
  public void stop() {
    stopped = true;
  }

  /**
   * Watches {@code target}, counting its silence from now; a target already watched starts afresh
   * and answers to requests sent before are ignored.
   *
   * @throws IllegalStateException if {@link #MAX_TARGETS} targets are watched already
   */
  public void monitorTarget(String target) {
    if (!targets.containsKey(target) && targets.size() >= MAX_TARGETS) {
      throw new IllegalStateException("A heartbeat monitor watches at most " + MAX_TARGETS + " targets; "
          + target + " is one too many");
    }
    targets.put(target, new Target(clockMillis.getAsLong()));
  }

  /** Stops watching {@code target}; true if it was watched. */
  public boolean unmonitorTarget(String target) {
    return targets.remove(target) != null;
  }

  /** Whether {@code target} is watched. */
  public boolean isMonitoring(String target) {
    return targets.containsKey(target);
  }

  /** The watched targets. */
  public Set<String> targets() {
    return Set.copyOf(targets.keySet());
  }

  /** {@code target} gave a sign of life; ignored when it is not watched. */
  public void receiveHeartbeat(String target) {
    Target state = targets.get(target);
    if (state != null && !stopped) {
      state.lastHeartbeatMillis = clockMillis.getAsLong();
      listener.heartbeatReceived(target, null);
    }
  }

  private void check() {
    if (stopped) {
      return;
    }
    long now = clockMillis.getAsLong();
    List<Map.Entry<String, Target>> silent = new ArrayList<>();
    for (Map.Entry<String, Target> entry : targets.entrySet()) {
      Target state = entry.getValue();
      if (now - state.lastHeartbeatMillis > settings.timeoutMillis()) {
        silent.add(entry);
      } else if (requester != null && !state.requestInFlight) {
        request(entry.getKey(), state);
      }
    }
    for (Map.Entry<String, Target> entry : silent) {
      // The listener may have re-registered or removed the target meanwhile.
      if (targets.remove(entry.getKey(), entry.getValue())) {
        listener.targetLost(entry.getKey(), now - entry.getValue().lastHeartbeatMillis);
      }
    }
    scheduler.schedule(this::check, settings.intervalMillis());
  }

  private void request(String target, Target state) {
    state.requestInFlight = true;
    CompletableFuture<P> answer;
    try {
      answer = requester.requestHeartbeat(target);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    // A failed request is not a loss by itself: only the timeout declares a target lost.
    answer.whenCompleteAsync((payload, error) -> {
      state.requestInFlight = false;
      if (error == null && !stopped && targets.get(target) == state) {
        state.lastHeartbeatMillis = clockMillis.getAsLong();
        listener.heartbeatReceived(target, payload);
      }
    }, mainThread);
  }
}
