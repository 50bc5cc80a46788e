package io.spate.api.execution;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.CoreOptions;
import java.time.Duration;

/** Options that choose where and how jobs run: the target, the runtime mode, the buffer timeout. */
@PublicEvolving
public final class ExecutionOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public ExecutionOptions() {}

  /** The execution target. */
  public static final ConfigOption<String> TARGET =
      ConfigOption.key("execution.target")
          .stringType()
          .defaultValue("local")
          .withDescription("Where jobs run: 'local' starts an embedded cluster in this JVM.");

  /**
   * Streaming, batch or automatic execution: the option {@code setRuntimeMode} writes, under
   * Flink's name; the same option as {@link CoreOptions#RUNTIME_MODE}.
   */
  public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = CoreOptions.RUNTIME_MODE;

  /** The longest time a partly filled batch waits before it is handed over. */
  public static final ConfigOption<Duration> BUFFER_TIMEOUT =
      ConfigOption.key("execution.buffer-timeout")
          .durationType()
          .defaultValue(Duration.ofMillis(100))
          .withDescription("Longest wait of a partly filled batch while its producer stays busy; "
              + "a producer whose input runs dry hands batches over at once, or at most 100 us after its "
              + "previous hand-over (0 hands over every batch at once).");

  /** Whether partly filled batches are handed over after {@link #BUFFER_TIMEOUT}. */
  public static final ConfigOption<Boolean> BUFFER_TIMEOUT_ENABLED =
      ConfigOption.key("execution.buffer-timeout.enabled")
          .booleanType()
          .defaultValue(true)
          .withDescription("false: a busy producer hands a batch over only when it is full "
              + "(setBufferTimeout(-1)); one whose input runs dry still hands over what it has.");

  /** The buffer timeout that hands over only full batches, as {@code setBufferTimeout} takes it. */
  public static final long DISABLED_NETWORK_BUFFER_TIMEOUT = -1L;

  /** The same option as {@link io.spate.api.configuration.PipelineOptions#ASYNC_INFLIGHT_RECORDS_LIMIT}. */
  public static final ConfigOption<Integer> ASYNC_INFLIGHT_RECORDS_LIMIT =
      io.spate.api.configuration.PipelineOptions.ASYNC_INFLIGHT_RECORDS_LIMIT;

  /** The same option as {@link io.spate.api.configuration.PipelineOptions#ASYNC_STATE_BUFFER_SIZE}. */
  public static final ConfigOption<Integer> ASYNC_STATE_BUFFER_SIZE =
      io.spate.api.configuration.PipelineOptions.ASYNC_STATE_BUFFER_SIZE;

  /** The same option as {@link io.spate.api.configuration.PipelineOptions#ASYNC_STATE_BUFFER_TIMEOUT}. */
  public static final ConfigOption<Long> ASYNC_STATE_BUFFER_TIMEOUT =
      io.spate.api.configuration.PipelineOptions.ASYNC_STATE_BUFFER_TIMEOUT;
}
