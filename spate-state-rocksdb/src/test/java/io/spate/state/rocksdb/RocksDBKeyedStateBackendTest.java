package io.spate.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.state.AggregatingState;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ReducingState;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.RocksDBOptions;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.CheckpointableKeyedStateBackend;
import io.spate.runtime.state.KeyedStateBackendContractTest;
import io.spate.runtime.state.KeyedStateBackendParameters;
import io.spate.runtime.operators.KeyedStateBackends;
import io.spate.api.operators.state.VoidNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed-state contract on RocksDB, plus what is particular to it. */
class RocksDBKeyedStateBackendTest extends KeyedStateBackendContractTest {

  @TempDir
  Path localDir;

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> createBackend(TypeInformation<K> keyType, int maxParallelism, KeyGroupRange range)
      throws Exception {
    Configuration conf = new Configuration()
        .set(StateBackendOptions.STATE_BACKEND, "rocksdb")
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "32mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString())
        .set(RocksDBOptions.TIMER_SERVICE_FACTORY, timerQueueType());
    return KeyedStateBackends.factoryFor(conf, getClass().getClassLoader())
        .create(new KeyedStateBackendParameters<>(keyType, maxParallelism, range, conf, "test job/op (1/1)", System::currentTimeMillis));
  }

  @Override
  protected <K> CheckpointableKeyedStateBackend<K> restoreBackend(TypeInformation<K> keyType, int maxParallelism,
      KeyGroupRange range, List<io.spate.runtime.state.snapshot.KeyedStateHandle> handles) throws Exception {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "32mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString())
        .set(RocksDBOptions.TIMER_SERVICE_FACTORY, timerQueueType());
    return new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(keyType, maxParallelism, range,
        conf, "test job/op (1/1)", System::currentTimeMillis, handles, getClass().getClassLoader()));
  }

  /** Where the backends under test keep timers. */
  PriorityQueueStateType timerQueueType() {
    return PriorityQueueStateType.ROCKSDB;
  }

  @Override
  protected boolean readsReturnCopies() {
    return true;
  }

  @Test
  void disposeDeletesTheWorkingDirectoryAndFreesTheSharedBudget() throws Exception {
    int budgetsBefore = RocksDBSharedResources.activeBudgets();
    // A budget size no other backend of this test uses, so that its release is visible in the count.
    Configuration conf = new Configuration()
        .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "24mb")
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString());
    RocksDBKeyedStateBackend<String> backend = (RocksDBKeyedStateBackend<String>) new RocksDBKeyedStateBackendFactory().<String>create(
        new KeyedStateBackendParameters<>(Types.STRING, 128, new KeyGroupRange(0, 127), conf, "test job/op (1/1)",
            System::currentTimeMillis));
    assertThat(RocksDBSharedResources.activeBudgets()).isEqualTo(budgetsBefore + 1);
    ValueState<Integer> state = backend.getPartitionedState(VoidNamespace.INSTANCE, new ValueStateDescriptor<>("v", Integer.class));
    backend.setCurrentKey("k");
    state.update(7);
    assertThat(Files.isDirectory(backend.directory())).isTrue();
    assertThat(backend.directory().getParent()).isEqualTo(localDir);
    backend.dispose();
    assertThat(backend.directory()).doesNotExist();
    assertThat(RocksDBSharedResources.activeBudgets()).isEqualTo(budgetsBefore);
    assertThatThrownBy(state::value).hasMessageContaining("disposed");
  }

  @Test
  void windowNamespacesAndRawlyTypedInternalStateWork() throws Exception {
    CheckpointableKeyedStateBackend<Long> backend = createBackend(Types.LONG, 128, new KeyGroupRange(0, 127));
    try {
      @SuppressWarnings({"unchecked", "rawtypes"})
      ValueState<HashMap<TimeWindow, TimeWindow>> windows = (ValueState) backend.getPartitionedState(
          VoidNamespace.INSTANCE, new ValueStateDescriptor<>("merging", (Class) HashMap.class));
      ListState<Object> contents = backend.getPartitionedState(new TimeWindow(0, 10),
          new ListStateDescriptor<>("contents", Object.class));
      backend.setCurrentKey(42L);
      HashMap<TimeWindow, TimeWindow> map = new HashMap<>();
      map.put(new TimeWindow(0, 10), new TimeWindow(0, 5));
      windows.update(map);
      contents.add("x");
      contents.add("y");
      assertThat(windows.value()).isEqualTo(map);
      assertThat(contents.get()).containsExactly("x", "y");
      assertThat(backend.getKeys("contents", new TimeWindow(0, 10))).containsExactly(42L);
      assertThatThrownBy(() -> contents.add(1)).hasMessageContaining("'contents'").hasMessageContaining("one type");
    } finally {
      backend.dispose();
    }
  }

  @Test
  void memorySizesParseWithUnitsAndRejectNonsense() {
    assertThat(RocksDBKeyedStateBackendFactory.parseMemorySize("256mb")).isEqualTo(256L << 20);
    assertThat(RocksDBKeyedStateBackendFactory.parseMemorySize("1 GB")).isEqualTo(1L << 30);
    assertThat(RocksDBKeyedStateBackendFactory.parseMemorySize("16777216")).isEqualTo(16L << 20);
    assertThatThrownBy(() -> RocksDBKeyedStateBackendFactory.parseMemorySize("lots"))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("state.backend.rocksdb.memory.managed-size");
    assertThatThrownBy(() -> RocksDBKeyedStateBackendFactory.parseMemorySize("1kb")).hasMessageContaining("at least");
  }

  @Test
  void cachedReducingAndAggregatingStateStillReadFreshCopies() throws Exception {
    CheckpointableKeyedStateBackend<String> backend = createBackend(Types.STRING, 128, new KeyGroupRange(0, 127));
    try {
      readsFreshCopies(backend);
    } finally {
      backend.dispose();
    }
  }

  private static void readsFreshCopies(CheckpointableKeyedStateBackend<String> backend) throws Exception {
    ReducingState<long[]> sum = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ReducingStateDescriptor<long[]>("sum", (a, b) -> {
          a[0] += b[0];
          return a;
        }, long[].class));
    AggregatingState<long[], long[]> total = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new AggregatingStateDescriptor<>("total", new AggregateFunction<long[], long[], long[]>() {
          @Override
          public long[] createAccumulator() {
            return new long[1];
          }

          @Override
          public long[] add(long[] value, long[] accumulator) {
            accumulator[0] += value[0];
            return accumulator;
          }

          @Override
          public long[] getResult(long[] accumulator) {
            return accumulator; // the accumulator itself: only a copy keeps the state apart
          }

          @Override
          public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
          }
        }, long[].class));
    backend.setCurrentKey("k");
    sum.add(new long[] {2});
    total.add(new long[] {2});
    sum.get()[0] = 100;
    total.get()[0] = 100;
    sum.add(new long[] {3});
    total.add(new long[] {3});
    assertThat(sum.get()).containsExactly(5);
    assertThat(total.get()).containsExactly(5);
  }

  @Test
  void cachedStatesFailAfterDisposeLikeTheOthers() throws Exception {
    CheckpointableKeyedStateBackend<String> backend = createBackend(Types.STRING, 128, new KeyGroupRange(0, 127));
    ReducingState<Integer> sum = backend.getPartitionedState(VoidNamespace.INSTANCE,
        new ReducingStateDescriptor<>("sum", Integer::sum, Integer.class));
    backend.setCurrentKey("k");
    sum.add(1); // cached: nothing was written to RocksDB yet
    backend.dispose();
    assertThatThrownBy(sum::get).hasMessageContaining("disposed");
    assertThatThrownBy(() -> sum.add(2)).hasMessageContaining("disposed");
    assertThatThrownBy(sum::clear).hasMessageContaining("disposed");
  }

  @Test
  void aNegativeWriteBackCacheSizeIsRefusedNamingTheOption() {
    Configuration conf = new Configuration()
        .set(RocksDBOptions.LOCAL_DIRECTORY, localDir.toString())
        .set(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES, -1);
    assertThatThrownBy(() -> new RocksDBKeyedStateBackendFactory().create(new KeyedStateBackendParameters<>(
        Types.STRING, 128, new KeyGroupRange(0, 127), conf, "test job/op (1/1)", System::currentTimeMillis)))
        .isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("state.backend.rocksdb.write-back-cache.entries is -1");
    assertThat(RocksDBKeyedStateBackendFactory.writeBackCacheEntries(new Configuration()))
        .isEqualTo(RocksDBOptions.WRITE_BACK_CACHE_ENTRIES.defaultValue());
  }

  @Test
  void listAppendsThroughTheMergeOperatorKeepElementBoundaries() throws Exception {
    ListState<String> state = createAndTrack();
    for (int i = 0; i < 300; i++) {
      state.add(i % 2 == 0 ? "" : "element-" + i);
    }
    state.addAll(List.of("tail1", "tail2"));
    assertThat(state.get()).hasSize(302).startsWith("", "element-1").endsWith("tail1", "tail2");
  }

  private ListState<String> createAndTrack() throws Exception {
    CheckpointableKeyedStateBackend<String> backend = createBackend(Types.STRING, 128, new KeyGroupRange(0, 127));
    tracked.add(backend);
    ListState<String> state = backend.getPartitionedState(VoidNamespace.INSTANCE, new ListStateDescriptor<>("l", String.class));
    backend.setCurrentKey("k");
    return state;
  }

  private final List<CheckpointableKeyedStateBackend<?>> tracked = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void disposeTracked() {
    tracked.forEach(CheckpointableKeyedStateBackend::dispose);
  }
}
