package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private void writeSampleTree() throws IOException {
    write("a.txt", "a1\na2\r\na3");
    write("empty.txt", "");
    write("sub/b.txt", "b1\n\nb3\n");
    write("sub/c.txt", "grüße, 世界 🌍\r\n");
    write(".hidden", "never\n");
    write("sub/.cache/d.txt", "never\n");
    write(".part-0-0.inprogress.1234", "never\n");
  }

  @Test
  void readsEveryVisibleFileOfADirectoryInPathOrder() throws Exception {
    writeSampleTree();
    FileSource<String> source = FileSource.forTextLines(dir).build();
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    assertThat(source.getProducedType()).isEqualTo(Types.STRING);
    try (var harness = SourceHarness.start(source, 1)) {
      assertThat(harness.runToEnd())
          .containsExactly("a1", "a2", "a3", "b1", "", "b3", "grüße, 世界 🌍");
    }
  }

  @Test
  void parallelReadersReadEachFileOnceAndInOrder() throws Exception {
    writeSampleTree();
    for (int i = 0; i < 6; i++) {
      StringBuilder content = new StringBuilder();
      for (int j = 0; j < 500; j++) {
        content.append("f").append(i).append('-').append(j).append('\n');
      }
      write("many/f" + i + ".txt", content.toString());
    }
    try (var harness = SourceHarness.start(FileSource.forTextLines(dir.toString()).build(), 3)) {
      List<String> records = harness.runToEnd();
      assertThat(records).hasSize(7 + 6 * 500);
      for (int i = 0; i < 6; i++) {
        String prefix = "f" + i + "-";
        List<String> expected = IntStream.range(0, 500).mapToObj(j -> prefix + j).toList();
        assertThat(records.stream().filter(r -> r.startsWith(prefix)).toList()).containsExactlyElementsOf(expected);
      }
      int splits = 0;
      for (int i = 0; i < 3; i++) {
        splits += harness.assignments(i).size();
      }
      assertThat(splits).isEqualTo(10);
    }
  }

  @Test
  void aFilePathReadsThatFile() throws Exception {
    write("only.txt", "x\r\ny\n");
    try (var harness = SourceHarness.start(FileSource.forTextLines(dir.resolve("only.txt")).build(), 2)) {
      assertThat(harness.runToEnd()).containsExactly("x", "y");
    }
  }

  @Test
  void aLineLongerThanTheReadChunkIsReadWhole() throws Exception {
    String longLine = "z".repeat(TextLineInputFormat.CHUNK_SIZE * 3 + 17);
    write("long.txt", "short\n" + longLine + "\nend");
    try (var harness = SourceHarness.start(FileSource.forTextLines(dir).build(), 1)) {
      assertThat(harness.runToEnd()).containsExactly("short", longLine, "end");
    }
  }

  @Test
  void aMissingPathFailsAtEnumeratorStartNamingThePath() {
    Path missing = dir.resolve("x/y");
    assertThatThrownBy(() -> SourceHarness.start(FileSource.forTextLines(missing).build(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("File source: path '" + missing + "' does not exist");
  }

  @Test
  void aPathThatDisappearsBeforeTheScanFailsWithThePath() throws Exception {
    write("gone/a.txt", "a\n");
    Path gone = dir.resolve("gone");
    try (var harness = SourceHarness.start(FileSource.forTextLines(gone).build(), 1)) {
      Files.delete(gone.resolve("a.txt"));
      Files.delete(gone);
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("File source: path '" + gone + "' does not exist");
    }
  }

  @Test
  void aRestoredCheckpointReadsExactlyTheRemainingLines() throws Exception {
    List<String> lines = IntStream.range(0, 30_000).mapToObj(i -> "line-" + i).toList();
    write("big.txt", String.join("\r\n", lines) + "\r\n");
    write("small.txt", "s1\ns2");
    FileSource<String> source = FileSource.forTextLines(dir).build();
    List<String> all = new ArrayList<>();
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 1)) {
      all.addAll(harness.runUntilRecords(2500));
      assertThat(all).hasSizeLessThan(30_000);
      checkpoint = harness.checkpoint(3);
      FileSourceSplit position = harness.reader(0).snapshotState(3).get(0);
      long expectedOffset = 0;
      for (int i = 0; i < all.size(); i++) {
        expectedOffset += lines.get(i).length() + 2;
      }
      assertThat(position).isEqualTo(new FileSourceSplit(dir.resolve("big.txt").toString(), expectedOffset));
    }
    try (var restored = SourceHarness.restore(source, 2, checkpoint)) {
      all.addAll(restored.runToEnd());
    }
    List<String> expected = new ArrayList<>(lines);
    expected.add("s1");
    expected.add("s2");
    assertThat(all).containsExactlyElementsOf(expected);
  }

  @Test
  void aCheckpointBeforeTheFirstScanRestoresToAFullRead() throws Exception {
    writeSampleTree();
    FileSource<String> source = FileSource.forTextLines(dir).build();
    SourceHarness.Checkpoint checkpoint;
    try (var harness = SourceHarness.start(source, 1)) {
      checkpoint = harness.checkpoint(1);
    }
    try (var restored = SourceHarness.restore(source, 1, checkpoint)) {
      assertThat(restored.runToEnd()).hasSize(7);
    }
  }

  @Test
  void continuousMonitoringReadsEachNewFileExactlyOnce() throws Exception {
    write("a.txt", "a1\na2\n");
    FileSource<String> source = FileSource.forTextLines(dir).monitorContinuously(Duration.ofSeconds(5)).build();
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    assertThat(source.getMonitorInterval()).contains(Duration.ofSeconds(5));
    assertThat(FileSource.forTextLines(dir).build().getMonitorInterval()).isEmpty();
    try (var harness = SourceHarness.start(source, 2)) {
      assertThat(harness.asyncCalls()).singleElement()
          .satisfies(call -> {
            assertThat(call.initialDelayMillis).isZero();
            assertThat(call.periodMillis).isEqualTo(5000);
          });
      assertThat(harness.runUntilIdle()).isEmpty();

      harness.runAsyncCalls();
      assertThat(harness.runUntilIdle()).containsExactly("a1", "a2");

      write("b.txt", "b1\n");
      write("sub/c.txt", "c1");
      harness.runAsyncCalls();
      assertThat(harness.runUntilIdle()).containsExactlyInAnyOrder("a1", "a2", "b1", "c1");

      // A scan that finds nothing new, and an appended old file, read nothing again.
      Files.writeString(dir.resolve("a.txt"), "a3\n", java.nio.file.StandardOpenOption.APPEND);
      harness.runAsyncCalls();
      assertThat(harness.runUntilIdle()).hasSize(4);
      assertThat(harness.allEnded()).isFalse();

      SourceHarness.Checkpoint checkpoint = harness.checkpoint(9);
      try (var restored = SourceHarness.restore(source, 2, checkpoint)) {
        write("d.txt", "d1\n");
        restored.runAsyncCalls();
        assertThat(restored.runUntilIdle()).containsExactly("d1");
      }
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> FileSource.forTextLines("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FileSource.forTextLines("x").monitorContinuously(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 ms");
  }

  @Test
  void serializersRoundTrip() throws IOException {
    FileSource<String> source = FileSource.forTextLines(dir).build();
    var splitSerializer = source.getSplitSerializer();
    FileSourceSplit split = new FileSourceSplit("/data/ü/x.txt", 123_456_789_012L);
    assertThat(splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split)))
        .isEqualTo(split);

    var checkpointSerializer = source.getEnumeratorCheckpointSerializer();
    FileSourceCheckpoint checkpoint = new FileSourceCheckpoint(
        List.of(split, new FileSourceSplit("/data/y", 0)), List.of("/data/y", "/data/ü/x.txt", "/data/z"), true);
    assertThat(checkpointSerializer.deserialize(checkpointSerializer.getVersion(), checkpointSerializer.serialize(checkpoint)))
        .isEqualTo(checkpoint);
    FileSourceCheckpoint empty = new FileSourceCheckpoint(List.of(), List.of(), false);
    assertThat(checkpointSerializer.deserialize(checkpointSerializer.getVersion(), checkpointSerializer.serialize(empty)))
        .isEqualTo(empty);
    assertThatThrownBy(() -> checkpointSerializer.deserialize(2, new byte[0]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 2");
  }
}
