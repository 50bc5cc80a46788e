package io.spate.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.typeinfo.Types;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Descriptors made with a serializer carry it; others get one from their type when initialized;
 * queryable state is refused with what to do instead; the TTL cleanup strategies answer Flink's
 * getters.
 */
class StateDescriptorSerializersTest {

  @Test
  void descriptorsGivenASerializerCarryIt() {
    ValueStateDescriptor<Long> value = new ValueStateDescriptor<>("v", LongSerializer.INSTANCE, 7L);
    assertThat(value.isSerializerInitialized()).isTrue();
    assertThat(value.getSerializer()).isSameAs(LongSerializer.INSTANCE);
    assertThat(value.getDefaultValue()).isEqualTo(7L);
    assertThat(new ValueStateDescriptor<>("w", LongSerializer.INSTANCE).getDefaultValue()).isNull();

    ListStateDescriptor<String> list = new ListStateDescriptor<>("l", StringSerializer.INSTANCE);
    assertThat(list.getElementSerializer()).isSameAs(StringSerializer.INSTANCE);

    MapStateDescriptor<String, Long> map = new MapStateDescriptor<>("m", StringSerializer.INSTANCE,
        LongSerializer.INSTANCE);
    assertThat(map.getKeySerializer()).isSameAs(StringSerializer.INSTANCE);
    assertThat(map.getValueSerializer()).isSameAs(LongSerializer.INSTANCE);

    ReducingStateDescriptor<Long> reducing = new ReducingStateDescriptor<>("r", Long::sum, LongSerializer.INSTANCE);
    assertThat(reducing.getSerializer()).isSameAs(LongSerializer.INSTANCE);
    assertThat(reducing.getDefaultValue()).isNull();

    AggregatingStateDescriptor<Long, Long, Long> aggregating = new AggregatingStateDescriptor<>("a", new Sum(),
        LongSerializer.INSTANCE);
    assertThat(aggregating.getSerializer()).isSameAs(LongSerializer.INSTANCE);
  }

  @Test
  void aDescriptorOfATypeHasASerializerOnceInitialized() {
    ValueStateDescriptor<String> value = new ValueStateDescriptor<>("v", Types.STRING);
    assertThat(value.isSerializerInitialized()).isFalse();
    assertThatThrownBy(value::getSerializer).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'v'").hasMessageContaining("initializeSerializerUnlessSet");
    value.initializeSerializerUnlessSet(new ExecutionConfig(new io.spate.api.configuration.Configuration()));
    assertThat(value.getSerializer()).isInstanceOf(StringSerializer.class);

    MapStateDescriptor<String, Long> map = new MapStateDescriptor<>("m", String.class, Long.class);
    assertThatThrownBy(map::getKeySerializer).isInstanceOf(IllegalStateException.class);
    map.initializeSerializerUnlessSet(new ExecutionConfig(new io.spate.api.configuration.Configuration()));
    assertThat(map.getKeySerializer()).isInstanceOf(StringSerializer.class);
    assertThat(map.getValueSerializer()).isInstanceOf(LongSerializer.class);

    ListStateDescriptor<Long> given = new ListStateDescriptor<>("g", LongSerializer.INSTANCE);
    given.initializeSerializerUnlessSet(new ExecutionConfig(new io.spate.api.configuration.Configuration()));
    assertThat(given.getElementSerializer()).isSameAs(LongSerializer.INSTANCE);
  }

  @Test
  void queryableStateIsRefusedNamingTheAlternative() {
    ValueStateDescriptor<Long> value = new ValueStateDescriptor<>("v", Types.LONG);
    assertThat(value.isQueryable()).isFalse();
    assertThat(value.getQueryableStateName()).isNull();
    assertThatThrownBy(() -> value.setQueryable("counts")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("'v'").hasMessageContaining("'counts'").hasMessageContaining("savepoint");
    assertThat(value.isQueryable()).isFalse();
  }

  @Test
  void cleanupStrategiesAnswerFlinksGetters() {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).cleanupIncrementally(12, true).build();
    assertThat(ttl.getCleanupStrategies().getIncrementalCleanupStrategy().getCleanupSize()).isEqualTo(12);
    assertThat(ttl.getCleanupStrategies().inRocksdbCompactFilter()).isTrue();
    assertThat(StateTtlConfig.newBuilder(Duration.ofMinutes(1)).cleanupInRocksdbCompactFilter(77).build()
        .getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy().getQueryTimeAfterNumEntries()).isEqualTo(77);
    StateTtlConfig none = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).disableCleanupInBackground().build();
    assertThat(none.getCleanupStrategies().inRocksdbCompactFilter()).isFalse();
  }

  /** Sums longs. */
  static final class Sum implements AggregateFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return value + accumulator;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }
}
