package io.spate.state.rocksdb;

import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;

/** The keyed-state contract on RocksDB with timers on the heap. */
class RocksDBHeapTimersKeyedStateBackendTest extends RocksDBKeyedStateBackendTest {

  @Override
  PriorityQueueStateType timerQueueType() {
    return PriorityQueueStateType.HEAP;
  }
}
