package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.configuration.WritableConfig;
import io.spate.table.api.config.TableConfigOptions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A session's configuration: Table API and SQL options ({@code table.*}) and the job options
 * ({@code parallelism.default}, {@code execution.checkpointing.interval}, ...) its statements' jobs
 * run with. {@code SET 'key' = 'value'} writes here.
 */
@PublicEvolving
public final class TableConfig implements ReadableConfig, WritableConfig {

  private final Configuration configuration = new Configuration();

  /** An empty configuration: every option at its default. */
  public static TableConfig getDefault() {
    return new TableConfig();
  }

  @Override
  public <T> T get(ConfigOption<T> option) {
    return configuration.get(option);
  }

  @Override
  public <T> Optional<T> getOptional(ConfigOption<T> option) {
    return configuration.getOptional(option);
  }

  @Override
  public Map<String, String> toMap() {
    return configuration.toMap();
  }

  @Override
  public <T> TableConfig set(ConfigOption<T> option, T value) {
    configuration.set(option, value);
    return this;
  }

  /** Sets {@code key} to {@code value} as text, as {@code SET 'key' = 'value'} does. */
  public TableConfig set(String key, String value) {
    if (key.equals(TableConfigOptions.LOCAL_TIME_ZONE.key())) {
      zoneOf(value);
    }
    configuration.setString(key, value);
    return this;
  }

  /** Removes {@code key}, back to its default. */
  public void reset(String key) {
    configuration.removeKey(key);
  }

  /** Removes every key. */
  public void resetAll() {
    for (String key : configuration.toMap().keySet()) {
      configuration.removeKey(key);
    }
  }

  /** The options as a {@link Configuration}, for the jobs of this session. */
  public Configuration getConfiguration() {
    return configuration;
  }

  /** The session's time zone ({@code table.local-time-zone}). */
  public ZoneId getLocalTimeZone() {
    return zoneOf(get(TableConfigOptions.LOCAL_TIME_ZONE));
  }

  /** Sets the session's time zone. */
  public void setLocalTimeZone(ZoneId zone) {
    set(TableConfigOptions.LOCAL_TIME_ZONE, zone.getId());
  }

  /** How long stateful operators keep the state of an idle key ({@code table.exec.state.ttl}). */
  public Duration getIdleStateRetention() {
    return get(TableConfigOptions.IDLE_STATE_RETENTION);
  }

  /** Sets {@code table.exec.state.ttl}. */
  public void setIdleStateRetention(Duration retention) {
    set(TableConfigOptions.IDLE_STATE_RETENTION, retention);
  }

  private static ZoneId zoneOf(String id) {
    if (id.equals("default")) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ValidationException("'" + id + "' is not a time zone for " + TableConfigOptions.LOCAL_TIME_ZONE.key()
          + ": use a region such as 'Europe/Berlin', an offset such as 'UTC+01:00', or 'default'", e);
    }
  }
}
