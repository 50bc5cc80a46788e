package io.spate.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import org.junit.jupiter.api.Test;

class EmbeddedRocksDBStateBackendTest {

  @Test
  void timersLiveInRocksDBByDefaultAsInFlink() {
    assertThat(new Configuration().get(RocksDBOptions.TIMER_SERVICE_FACTORY))
        .isEqualTo(PriorityQueueStateType.ROCKSDB);
    assertThat(new EmbeddedRocksDBStateBackend().getPriorityQueueStateType()).isEqualTo(PriorityQueueStateType.ROCKSDB);
  }

  @Test
  void thePriorityQueueTypeSetOnTheBackendGoesIntoTheJobsConfigurationAndBack() {
    StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
    EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
    backend.setPriorityQueueStateType(PriorityQueueStateType.HEAP);
    env.setStateBackend(backend);
    assertThat(env.getConfiguration().get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(env.getConfiguration().get(RocksDBOptions.TIMER_SERVICE_FACTORY))
        .isEqualTo(PriorityQueueStateType.HEAP);
    assertThat(((EmbeddedRocksDBStateBackend) env.getStateBackend()).getPriorityQueueStateType())
        .isEqualTo(PriorityQueueStateType.HEAP);
  }

  @Test
  void theOptionReadsEitherCaseAndRejectsOtherValuesNamingTheOption() {
    Configuration conf = new Configuration();
    conf.setString(RocksDBOptions.TIMER_SERVICE_FACTORY.key(), "heap");
    assertThat(conf.get(RocksDBOptions.TIMER_SERVICE_FACTORY)).isEqualTo(PriorityQueueStateType.HEAP);
    conf.setString(RocksDBOptions.TIMER_SERVICE_FACTORY.key(), "disk");
    assertThatThrownBy(() -> conf.get(RocksDBOptions.TIMER_SERVICE_FACTORY))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("state.backend.rocksdb.timer-service.factory")
        .hasMessageContaining("'disk'")
        .hasMessageContaining("heap, rocksdb");
  }
}
