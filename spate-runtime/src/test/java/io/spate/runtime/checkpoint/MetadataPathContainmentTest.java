package io.spate.runtime.checkpoint;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State file entries of checkpoint metadata stay inside the directories they are relative to. */
class MetadataPathContainmentTest {

  @TempDir
  Path root;

  @Test
  void aRelativeEntryThatLeavesTheSnapshotDirectoryIsCorruptMetadataNamingIt() throws IOException {
    Path savepoint = root.resolve("savepoint");
    // Lexically under the directory, so the metadata stores it relative to it, as "../outside".
    byte[] bytes = MetadataSerializer.serialize(keyed(new FileStateHandle(savepoint.resolve("x/../../outside"), 3)),
        savepoint);
    assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes, savepoint, "the-metadata"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("The checkpoint metadata the-metadata is corrupt")
        .hasMessageContaining("'../outside'")
        .hasMessageContaining("leaves the directory " + savepoint);
  }

  @Test
  void aSharedEntryThatLeavesTheSharedDirectoryIsCorruptMetadataNamingIt() throws IOException {
    Path chk = root.resolve("job").resolve("chk-3");
    // Lexically under shared/, so the metadata stores it relative to the job directory, as "../elsewhere".
    Path escaping = root.resolve("job").resolve("shared").resolve("../../elsewhere");
    byte[] bytes = MetadataSerializer.serialize(incremental(new FileStateHandle(escaping, 3)), chk);
    assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes, chk, "the-metadata"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("The checkpoint metadata the-metadata is corrupt")
        .hasMessageContaining("'../elsewhere'")
        .hasMessageContaining("leaves the directory " + root.resolve("job").resolve("shared"));
  }

  @Test
  void entriesInsideTheirDirectoriesStillRead() throws IOException {
    Path savepoint = root.resolve("savepoint");
    byte[] bytes = MetadataSerializer.serialize(keyed(new FileStateHandle(savepoint.resolve("a/../keyed-0"), 3)),
        savepoint);
    CheckpointMetadata read = MetadataSerializer.deserialize(bytes, savepoint, "the-metadata");
    KeyGroupsStateHandle handle = (KeyGroupsStateHandle) read.operators().get("op").subtaskStates().get(0)
        .keyedState().get(0);
    assertThat(((FileStateHandle) handle.delegate()).path().normalize()).isEqualTo(savepoint.resolve("keyed-0"));
  }

  private static CheckpointMetadata keyed(StreamStateHandle file) {
    return metadata(new KeyGroupsStateHandle(new KeyGroupRange(0, 0), new long[] {0}, file));
  }

  private static CheckpointMetadata incremental(StreamStateHandle sharedFile) {
    return metadata(new IncrementalKeyedStateHandle(UUID.randomUUID(), 3, new KeyGroupRange(0, 0),
        Map.of("000001.sst", sharedFile), Set.of("000001.sst"), Map.of(),
        new KeyGroupsStateHandle(new KeyGroupRange(0, 0), new long[] {0}, new ByteStreamStateHandle("meta",
            new byte[4]))));
  }

  private static CheckpointMetadata metadata(io.spate.runtime.state.snapshot.KeyedStateHandle handle) {
    return new CheckpointMetadata(3, 1, CheckpointType.SAVEPOINT, Map.of("op", new OperatorState("op", "Keyed", 1, 8,
        Map.of(0, new OperatorSubtaskState(List.of(handle), List.of(), List.of())), null)));
  }
}
