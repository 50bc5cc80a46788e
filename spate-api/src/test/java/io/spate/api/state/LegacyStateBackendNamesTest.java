package io.spate.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.checkpoint.CheckpointConfig;
import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.api.configuration.MemorySize;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The names older programs give heap state with file checkpoints write the options Spate reads. */
@SuppressWarnings("deprecation")
class LegacyStateBackendNamesTest {

  @Test
  void fileSystemCheckpointStorageSetsTheCheckpointDirectory() {
    Configuration conf = new Configuration();
    CheckpointConfig checkpoints = new CheckpointConfig(conf);
    checkpoints.setCheckpointStorage(new FileSystemCheckpointStorage("file:///data/checkpoints"));
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///data/checkpoints");
    assertThat(((FileSystemCheckpointStorage) checkpoints.getCheckpointStorage()).getCheckpointDirectory())
        .isEqualTo(URI.create("file:///data/checkpoints"));
    assertThat(conf.contains(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD)).isFalse();

    checkpoints.setCheckpointStorage(new FileSystemCheckpointStorage(URI.create("file:///other"), 4096));
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///other");
    assertThat(conf.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD)).isEqualTo(MemorySize.ofBytes(4096));
  }

  @Test
  void aRelativePathBecomesTheAbsoluteUriOfThisProcess() {
    FileSystemCheckpointStorage storage = new FileSystemCheckpointStorage("ckpt/dir");
    assertThat(storage.getCheckpointDirectory()).isEqualTo(Path.of("ckpt/dir").toAbsolutePath().toUri());
    assertThat(new FsStateBackend("ckpt/dir").getCheckpointDirectory()).isEqualTo(storage.getCheckpointDirectory());
  }

  @Test
  void badDirectoriesAndThresholdsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> new FileSystemCheckpointStorage(" ")).isInstanceOf(IllegalConfigurationException.class)
        .hasMessageContaining("state.checkpoints.dir");
    assertThatThrownBy(() -> new FsStateBackend(URI.create("file:///x"), 2 << 20))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("state.storage.fs.memory-threshold");
  }

  @Test
  void fsStateBackendIsTheHashMapBackendWithFileCheckpoints() {
    FsStateBackend backend = new FsStateBackend(URI.create("file:///data/ckpt"), false);
    assertThat(backend.getName()).isEqualTo(HashMapStateBackend.NAME);
    assertThat(backend.isUsingAsynchronousSnapshots()).isFalse();
    assertThat(backend.getMinFileSizeThreshold()).isEqualTo(-1);
    Configuration conf = new Configuration();
    backend.applyTo(conf);
    assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///data/ckpt");
    Configuration viaStorage = new Configuration();
    new CheckpointConfig(viaStorage).setCheckpointStorage(backend);
    assertThat(viaStorage.toMap()).isEqualTo(conf.toMap());
  }

  @Test
  void aSavepointDirectoryGivenWithTheBackendIsTheDefaultTarget() {
    Configuration conf = new Configuration();
    new FsStateBackend(URI.create("file:///data/ckpt"), URI.create("file:///data/savepoints")).applyTo(conf);
    assertThat(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isEqualTo("file:///data/savepoints");
    assertThat(new CheckpointConfig(conf).getDefaultSavepointDirectory()).contains(URI.create("file:///data/savepoints"));
  }

  @Test
  void storagesAreEqualWhenTheyWriteTheSameOptions() {
    qt().withExamples(300)
        .forAll(integers().between(0, 3), integers().between(0, 3), integers().between(-1, 2))
        .checkAssert((a, b, threshold) -> {
          FileSystemCheckpointStorage first = new FileSystemCheckpointStorage(URI.create("file:///c" + a), threshold);
          FileSystemCheckpointStorage second = new FileSystemCheckpointStorage(URI.create("file:///c" + b), threshold);
          Configuration firstConf = new Configuration();
          Configuration secondConf = new Configuration();
          first.applyTo(firstConf);
          second.applyTo(secondConf);
          assertThat(first.equals(second)).isEqualTo(firstConf.toMap().equals(secondConf.toMap()));
          if (first.equals(second)) {
            assertThat(first).hasSameHashCodeAs(second);
          }
          assertThat(first).isEqualTo(new FileSystemCheckpointStorage(URI.create("file:///c" + a), threshold));
        });
  }
}
