package io.spate.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.state.StateTtlConfig.IncrementalCleanupStrategy;
import io.spate.api.state.StateTtlConfig.RocksdbCompactFilterCleanupStrategy;
import io.spate.api.state.StateTtlConfig.StateVisibility;
import io.spate.api.state.StateTtlConfig.TtlTimeCharacteristic;
import io.spate.api.state.StateTtlConfig.UpdateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateTtlConfigTest {

  @Test
  void defaultsAreCreateAndWriteNeverReturnExpiredProcessingTimeAndBackgroundCleanup() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMinutes(5)).build();
    assertThat(config.isEnabled()).isTrue();
    assertThat(config.getTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.getTtlMillis()).isEqualTo(300_000L);
    assertThat(config.getUpdateType()).isEqualTo(UpdateType.OnCreateAndWrite);
    assertThat(config.getStateVisibility()).isEqualTo(StateVisibility.NeverReturnExpired);
    assertThat(config.getTtlTimeCharacteristic()).isEqualTo(TtlTimeCharacteristic.ProcessingTime);
    StateTtlConfig.CleanupStrategies cleanup = config.getCleanupStrategies();
    assertThat(cleanup.isCleanupInBackground()).isTrue();
    assertThat(cleanup.inFullSnapshot()).isFalse();
    assertThat(cleanup.getIncrementalCleanupStrategy()).isEqualTo(new IncrementalCleanupStrategy(5, false));
    assertThat(cleanup.getRocksdbCompactFilterCleanupStrategy())
        .isEqualTo(new RocksdbCompactFilterCleanupStrategy(1000L));
  }

  @Test
  void everySettingIsKept() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(1))
        .setUpdateType(UpdateType.OnReadAndWrite)
        .setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
        .cleanupFullSnapshot()
        .cleanupIncrementally(42, true)
        .cleanupInRocksdbCompactFilter(7)
        .build();
    assertThat(config.getUpdateType()).isEqualTo(UpdateType.OnReadAndWrite);
    assertThat(config.getStateVisibility()).isEqualTo(StateVisibility.ReturnExpiredIfNotCleanedUp);
    assertThat(config.getCleanupStrategies().inFullSnapshot()).isTrue();
    assertThat(config.getCleanupStrategies().getIncrementalCleanupStrategy())
        .isEqualTo(new IncrementalCleanupStrategy(42, true));
    assertThat(config.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy().queryTimeAfterNumEntries())
        .isEqualTo(7);
    assertThat(config).isEqualTo(StateTtlConfig.newBuilder(Duration.ofSeconds(1)).updateTtlOnReadAndWrite()
        .returnExpiredIfNotCleanedUp().cleanupFullSnapshot().cleanupIncrementally(42, true)
        .cleanupInRocksdbCompactFilter(7).build());
  }

  @Test
  void disablingBackgroundCleanupLeavesOnlyExplicitStrategies() {
    StateTtlConfig none = StateTtlConfig.newBuilder(Duration.ofSeconds(1)).disableCleanupInBackground().build();
    assertThat(none.getCleanupStrategies().getIncrementalCleanupStrategy()).isNull();
    assertThat(none.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy()).isNull();
    StateTtlConfig explicit = StateTtlConfig.newBuilder(Duration.ofSeconds(1))
        .disableCleanupInBackground().cleanupIncrementally(3, false).build();
    assertThat(explicit.getCleanupStrategies().getIncrementalCleanupStrategy().cleanupSize()).isEqualTo(3);
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one millisecond");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateTtlConfig.newBuilder((Duration) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    StateTtlConfig.Builder builder = StateTtlConfig.newBuilder(Duration.ofSeconds(1));
    assertThatThrownBy(() -> builder.cleanupIncrementally(0, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cleanup size must be positive");
    assertThatThrownBy(() -> builder.cleanupIncrementally(-3, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
    assertThatThrownBy(() -> builder.cleanupInRocksdbCompactFilter(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> builder.setUpdateType(UpdateType.Disabled))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Disabled");
    assertThatThrownBy(() -> builder.setUpdateType(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.setStateVisibility(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aVeryLongTtlNeverOverflows() {
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(Long.MAX_VALUE)).build();
    assertThat(config.getTtlMillis()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void descriptorsCarryTheirTtl() {
    ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("v", String.class);
    assertThat(descriptor.getTtlConfig()).isSameAs(StateTtlConfig.DISABLED);
    assertThat(descriptor.getTtlConfig().isEnabled()).isFalse();
    StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(3)).build();
    descriptor.enableTimeToLive(config);
    assertThat(descriptor.getTtlConfig()).isSameAs(config);
    assertThatThrownBy(() -> descriptor.enableTimeToLive(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'v'");
    assertThatThrownBy(() -> descriptor.enableTimeToLive(StateTtlConfig.DISABLED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disabled");
  }
}
