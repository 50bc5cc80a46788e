package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;

/** How a {@link TableEnvironment} runs its queries: in streaming mode (the default) or in batch mode. */
@PublicEvolving
public final class EnvironmentSettings {

  private final boolean streaming;

  private EnvironmentSettings(boolean streaming) {
    this.streaming = streaming;
  }

  /** Streaming mode: queries run continuously and produce changelogs. */
  public static EnvironmentSettings inStreamingMode() {
    return new EnvironmentSettings(true);
  }

  /** Batch mode: queries run over bounded inputs and produce final results. */
  public static EnvironmentSettings inBatchMode() {
    return new EnvironmentSettings(false);
  }

  /** A builder, for Flink's {@code EnvironmentSettings.newInstance().inStreamingMode().build()}. */
  public static Builder newInstance() {
    return new Builder();
  }

  /** Whether queries run in streaming mode. */
  public boolean isStreamingMode() {
    return streaming;
  }

  /** Builds {@link EnvironmentSettings}. */
  public static final class Builder {
    private boolean streaming = true;

    private Builder() {}

    /** Streaming mode. */
    public Builder inStreamingMode() {
      streaming = true;
      return this;
    }

    /** Batch mode. */
    public Builder inBatchMode() {
      streaming = false;
      return this;
    }

    /** The settings. */
    public EnvironmentSettings build() {
      return new EnvironmentSettings(streaming);
    }
  }
}
