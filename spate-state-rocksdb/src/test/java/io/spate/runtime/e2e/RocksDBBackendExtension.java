package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.StateBackendOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.state.EmbeddedRocksDBStateBackend.PriorityQueueStateType;
import io.spate.api.state.RocksDBOptions;
import io.spate.state.rocksdb.RocksDBSharedResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a class of end-to-end tests with every environment on the RocksDB state backend (timers in
 * RocksDB too), and checks
 * afterwards that no working directory or shared memory budget was left behind.
 */
final class RocksDBBackendExtension implements BeforeAllCallback, AfterAllCallback {

  static final Path LOCAL_DIR = Path.of(System.getProperty("java.io.tmpdir"), "e2e-rocksdb");

  @Override
  public void beforeAll(ExtensionContext context) {
    StreamExecutionEnvironment.initializeContextEnvironment(configuration -> new StreamExecutionEnvironment(
        new Configuration(configuration)
            .set(StateBackendOptions.STATE_BACKEND, "rocksdb")
            .set(RocksDBOptions.MANAGED_MEMORY_SIZE, "64mb")
            .set(RocksDBOptions.LOCAL_DIRECTORY, LOCAL_DIR.toString())
            .set(RocksDBOptions.TIMER_SERVICE_FACTORY, PriorityQueueStateType.ROCKSDB)));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    StreamExecutionEnvironment.resetContextEnvironment();
    if (Files.isDirectory(LOCAL_DIR)) {
      try (Stream<Path> left = Files.list(LOCAL_DIR)) {
        assertThat(left).as("RocksDB working directories left behind by finished jobs").isEmpty();
      }
    }
    assertThat(RocksDBSharedResources.activeBudgets()).as("shared RocksDB memory still held").isZero();
  }
}
