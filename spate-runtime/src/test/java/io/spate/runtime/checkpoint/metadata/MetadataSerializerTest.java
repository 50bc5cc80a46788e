package io.spate.runtime.checkpoint.metadata;

import io.spate.runtime.checkpoint.barrier.CheckpointType;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import io.spate.runtime.checkpoint.metadata.OperatorState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.runtime.CheckedLaw;
import io.spate.runtime.checkpoint.storage.CheckpointPaths;
import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.state.keygroup.KeyGroupRange;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.InputChannelStateHandle;
import io.spate.runtime.state.snapshot.KeyGroupsStateHandle;
import io.spate.runtime.state.snapshot.OperatorStateHandle;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint metadata file: round trips, relocatable savepoints, and clear errors for damaged files. */
class MetadataSerializerTest {

  private static CheckpointMetadata sample(Path dir, long id) {
    OperatorSubtaskState first = new OperatorSubtaskState(
        List.of(new KeyGroupsStateHandle(new KeyGroupRange(0, 2), new long[] {0, 10, 20},
            new FileStateHandle(dir.resolve("keyed-0"), 30))),
        List.of(new OperatorStateHandle(Map.of("splits",
            new OperatorStateHandle.StateMetaInfo(OperatorStateHandle.Mode.SPLIT_DISTRIBUTE, new long[] {4, 9})),
            new ByteStreamStateHandle("op-0", new byte[] {1, 2, 3}))),
        List.of(new InputChannelStateHandle(1, new ByteStreamStateHandle("channel", new byte[] {9}), 1)));
    OperatorSubtaskState second = new OperatorSubtaskState(
        List.of(new KeyGroupsStateHandle(new KeyGroupRange(3, 3), new long[] {0},
            new FileStateHandle(Path.of("/elsewhere/shared-1").toAbsolutePath(), 7))), List.of(), List.of());
    return new CheckpointMetadata(id, 1234L, CheckpointType.SAVEPOINT, Map.of(
        "op", new OperatorState("op", "Keyed Process", 2, 4, Map.of(0, first, 1, second), new byte[] {7, 7})));
  }

  @Test
  void roundTripKeepsEveryHandleAndStoresFilesInsideTheDirectoryRelativeToIt(@TempDir Path dir) throws IOException {
    CheckpointMetadata metadata = sample(dir, 5);
    byte[] bytes = MetadataSerializer.serialize(metadata, dir);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(dir.toString());

    Path moved = dir.resolveSibling(dir.getFileName() + "-moved");
    CheckpointMetadata read = MetadataSerializer.deserialize(bytes, moved, "test");
    assertThat(read.checkpointId()).isEqualTo(5);
    assertThat(read.type()).isEqualTo(CheckpointType.SAVEPOINT);
    OperatorState op = read.operators().get("op");
    assertThat(op.name()).isEqualTo("Keyed Process");
    assertThat(op.coordinatorState()).containsExactly(7, 7);
    KeyGroupsStateHandle keyed = (KeyGroupsStateHandle) op.subtaskStates().get(0).keyedState().get(0);
    assertThat(keyed.offsets()).containsExactly(0, 10, 20);
    assertThat(((FileStateHandle) keyed.delegate()).path()).isEqualTo(moved.resolve("keyed-0"));
    KeyGroupsStateHandle shared = (KeyGroupsStateHandle) op.subtaskStates().get(1).keyedState().get(0);
    assertThat(((FileStateHandle) shared.delegate()).path()).isEqualTo(Path.of("/elsewhere/shared-1").toAbsolutePath());
    OperatorStateHandle operator = op.subtaskStates().get(0).operatorState().get(0);
    assertThat(operator.states().get("splits").offsets()).containsExactly(4, 9);
    assertThat(((ByteStreamStateHandle) operator.delegate()).data()).containsExactly(1, 2, 3);
    assertThat(op.subtaskStates().get(0).inputChannelState().get(0).inputIndex()).isEqualTo(1);
  }

  @Test
  void roundTripKeepsTheFinishedSubtasksOfEachOperator(@TempDir Path dir) throws IOException {
    CheckpointMetadata metadata = new CheckpointMetadata(6, 1234L, CheckpointType.CHECKPOINT, Map.of(
        "sink", new OperatorState("sink", "Sink", 3, 128, Map.of(), null, java.util.Set.of(0, 2)),
        "map", new OperatorState("map", "Map", 3, 128, Map.of(), null, java.util.Set.of(0, 1, 2))));

    CheckpointMetadata read = MetadataSerializer.deserialize(MetadataSerializer.serialize(metadata, dir), dir, "test");

    assertThat(read.operators().get("sink").finishedSubtasks()).containsExactly(0, 2);
    assertThat(read.operators().get("sink").isFullyFinished()).isFalse();
    assertThat(read.operators().get("map").isFullyFinished()).isTrue();
    assertThat(read.operators().get("map").holdsState()).isFalse();
  }

  @Test
  void anyDamagedByteIsReportedAsCorruptNamingTheFile() {
    qt().withExamples(200).forAll(integers().between(0, 10_000), integers().between(1, 255))
        .checkAssert((position, flip) -> CheckedLaw.check(
            () -> anyDamagedByteIsReportedAsCorruptNamingTheFile(position, flip)));
  }

  private static void anyDamagedByteIsReportedAsCorruptNamingTheFile(int position, int flip) throws IOException {
    byte[] bytes = MetadataSerializer.serialize(sample(Path.of("/cp"), 1), Path.of("/cp"));
    bytes[position % bytes.length] ^= (byte) flip;
    assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes, Path.of("/cp"), "/cp/_metadata"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/cp/_metadata");
  }

  @Test
  void anyTruncationIsReported() {
    qt().withExamples(100).forAll(integers().between(0, 10_000))
        .checkAssert(cut -> CheckedLaw.check(() -> anyTruncationIsReported(cut)));
  }

  private static void anyTruncationIsReported(int cut) throws IOException {
    byte[] bytes = MetadataSerializer.serialize(sample(Path.of("/cp"), 1), Path.of("/cp"));
    byte[] truncated = java.util.Arrays.copyOf(bytes, cut % bytes.length);
    assertThatThrownBy(() -> MetadataSerializer.deserialize(truncated, Path.of("/cp"), "/cp/_metadata"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/cp/_metadata");
  }

  @Test
  void aJobDirectoryRestoresItsNewestCompleteCheckpointSkippingIncompleteOnes(@TempDir Path job) throws IOException {
    write(job.resolve("chk-3"), sample(job.resolve("chk-3"), 3));
    write(job.resolve("chk-7"), sample(job.resolve("chk-7"), 7));
    Files.createDirectories(job.resolve("chk-9")); // incomplete: no metadata
    assertThat(CheckpointPaths.load(job.toString()).checkpointId()).isEqualTo(7);
  }

  @Test
  void aJobDirectoryWhoseNewestCheckpointsAreDamagedFailsNamingThemUnlessToleratedByTheOption(@TempDir Path job)
      throws IOException {
    write(job.resolve("chk-3"), sample(job.resolve("chk-3"), 3));
    write(job.resolve("chk-5"), sample(job.resolve("chk-5"), 5));
    write(job.resolve("chk-7"), sample(job.resolve("chk-7"), 7));
    Files.createDirectories(job.resolve("chk-9")); // incomplete: no metadata, passed over as before
    Path newest = job.resolve("chk-7").resolve("_metadata");
    byte[] bytes = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated by a crash of the disk
    Path second = job.resolve("chk-5").resolve("_metadata");
    byte[] flipped = Files.readAllBytes(second);
    flipped[flipped.length / 2] ^= 0x10;
    Files.write(second, flipped);

    assertThatThrownBy(() -> CheckpointPaths.load(job.toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(newest.toString())
        .hasMessageContaining("execution.checkpointing.tolerable-corrupt-checkpoints: 0")
        .hasMessageNotContaining(second.toString());
    assertThatThrownBy(() -> CheckpointPaths.loadResolved(job.toString(), 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(newest.toString())
        .hasMessageContaining(second.toString())
        .hasMessageContaining("checksum mismatch");
    CheckpointPaths.Loaded older = CheckpointPaths.loadResolved(job.toString(), 2);
    assertThat(older.metadata().checkpointId()).isEqualTo(3);
    assertThat(older.directory()).isEqualTo(job.resolve("chk-3"));

    assertThatThrownBy(() -> CheckpointPaths.load(newest.toString()))
        .isInstanceOf(IOException.class).hasMessageContaining(newest.toString());
  }

  @Test
  void pathsWithoutACheckpointSayWhatIsMissing(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> CheckpointPaths.load(dir.resolve("nope").toString()))
        .isInstanceOf(IOException.class).hasMessageContaining("nope");
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> CheckpointPaths.load(dir.resolve("empty").toString()))
        .isInstanceOf(IOException.class).hasMessageContaining("No complete checkpoint or savepoint");
    Path notMetadata = Files.writeString(dir.resolve("file.txt"), "hello, this is not a checkpoint at all");
    assertThatThrownBy(() -> CheckpointPaths.load(notMetadata.toString()))
        .isInstanceOf(IOException.class).hasMessageContaining("not Spate checkpoint metadata");
  }

  @Test
  void incrementalHandlesRoundTripWithSharedFilesStoredRelativeToTheJobDirectory(@TempDir Path root) throws IOException {
    Path job = root.resolve("job");
    Path chk = job.resolve("chk-7");
    Path shared = job.resolve("shared");
    java.util.UUID backend = java.util.UUID.randomUUID();
    Map<String, io.spate.runtime.state.snapshot.StreamStateHandle> sharedFiles = new java.util.LinkedHashMap<>();
    sharedFiles.put("000009.sst", new FileStateHandle(shared.resolve("000009.sst-a"), 100));
    sharedFiles.put("000012.sst", new FileStateHandle(shared.resolve("000012.sst-b"), 200));
    io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle handle =
        new io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle(backend, 7, new KeyGroupRange(4, 5),
            sharedFiles, java.util.Set.of("000012.sst"),
            Map.of("MANIFEST-000005", new FileStateHandle(chk.resolve("manifest"), 50),
                "CURRENT", new ByteStreamStateHandle("current", new byte[] {1, 2})),
            new KeyGroupsStateHandle(new KeyGroupRange(4, 5), new long[] {3, 8},
                new ByteStreamStateHandle("meta", new byte[12])));
    CheckpointMetadata metadata = new CheckpointMetadata(7, 1, CheckpointType.CHECKPOINT, Map.of("op",
        new OperatorState("op", "Keyed", 1, 8, Map.of(0, new OperatorSubtaskState(List.of(handle), List.of(),
            List.of())), null)));
    byte[] bytes = MetadataSerializer.serialize(metadata, chk);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(root.toString());

    Path movedJob = root.resolve("moved");
    io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle read =
        (io.spate.runtime.state.snapshot.IncrementalKeyedStateHandle) MetadataSerializer
            .deserialize(bytes, movedJob.resolve("chk-7"), "test").operators().get("op").subtaskStates().get(0)
            .keyedState().get(0);
    assertThat(read.backendId()).isEqualTo(backend);
    assertThat(read.checkpointId()).isEqualTo(7);
    assertThat(read.keyGroupRange()).isEqualTo(new KeyGroupRange(4, 5));
    assertThat(read.uploadedSharedFiles()).containsExactly("000012.sst");
    assertThat(read.sharedFiles().keySet()).containsExactly("000009.sst", "000012.sst");
    assertThat(((FileStateHandle) read.sharedFiles().get("000009.sst")).path())
        .isEqualTo(movedJob.resolve("shared").resolve("000009.sst-a"));
    assertThat(((FileStateHandle) read.privateFiles().get("MANIFEST-000005")).path())
        .isEqualTo(movedJob.resolve("chk-7").resolve("manifest"));
    assertThat(((ByteStreamStateHandle) read.privateFiles().get("CURRENT")).data()).containsExactly(1, 2);
    assertThat(read.metaState().offsets()).containsExactly(3, 8);
    assertThat(read.getStateSize()).isEqualTo(handle.getStateSize());
    assertThat(read.getCheckpointedSize()).isEqualTo(200 + 50 + 2 + 12);
  }

  @Test
  void anUnknownFormatVersionIsRejectedNamingTheVersions(@TempDir Path dir) throws IOException {
    byte[] bytes = MetadataSerializer.serialize(sample(dir, 1), dir);
    java.nio.ByteBuffer.wrap(bytes).putInt(4, 99);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
    assertThatThrownBy(() -> MetadataSerializer.deserialize(bytes, dir, "the-file"))
        .hasMessageContaining("the-file").hasMessageContaining("format version 99")
        .hasMessageContaining("versions 1 to 3").hasMessageContaining("newer Spate");
  }

  private static void write(Path dir, CheckpointMetadata metadata) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("_metadata"), MetadataSerializer.serialize(metadata, dir));
  }
}
