package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.lib.TestWriterContext;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  @TempDir Path dir;

  private static <T> void writeAll(CommittingSinkWriter<T, FileSink.PendingFile> writer, List<T> records)
      throws Exception {
    for (T record : records) {
      writer.write(record, TestWriterContext.NO_TIME);
    }
  }

  private static <T> Collection<FileSink.PendingFile> checkpoint(
      CommittingSinkWriter<T, FileSink.PendingFile> writer, boolean endOfInput) throws Exception {
    writer.flush(endOfInput);
    return writer.prepareCommit();
  }

  private List<String> visibleFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private List<String> hiddenFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
    }
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void eachSubtaskWritesPartFilesThatAppearOnlyWhenCommitted() throws Exception {
    FileSink<String> sink = FileSink.forRows(dir, RowEncoder.<String>toStringEncoder()).build();
    var writer0 = sink.createWriter(new TestWriterContext(0, 2));
    var writer1 = sink.createWriter(new TestWriterContext(1, 2));
    writeAll(writer0, List.of("a", "b"));
    writeAll(writer1, List.of("ç,\"quoted\""));

    List<FileSink.PendingFile> pending = new ArrayList<>();
    pending.addAll(checkpoint(writer0, false));
    pending.addAll(checkpoint(writer1, false));
    assertThat(pending).hasSize(2);
    assertThat(visibleFiles()).isEmpty();
    assertThat(hiddenFiles()).hasSize(2).allMatch(n -> n.matches("\\.part-[01]-0\\.inprogress\\..+"));
    assertThat(pending).allSatisfy(p -> {
      assertThat(Path.of(p.inProgressPath()).getParent()).isEqualTo(Path.of(p.finalPath()).getParent());
    });

    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(pending);
      assertThat(visibleFiles()).containsExactly("part-0-0", "part-1-0");
      assertThat(hiddenFiles()).isEmpty();
      assertThat(read("part-0-0")).isEqualTo("a\nb\n");
      assertThat(read("part-1-0")).isEqualTo("ç,\"quoted\"\n");

      // Committing again after a failure is harmless.
      committer.commit(pending);
      assertThat(visibleFiles()).containsExactly("part-0-0", "part-1-0");
    }

    // A checkpoint without new records commits nothing; the next records go to a new part.
    assertThat(checkpoint(writer0, false)).isEmpty();
    writeAll(writer0, List.of("c"));
    try (Committer<FileSink.PendingFile> committer = sink.createCommitter()) {
      committer.commit(checkpoint(writer0, true));
    }
    writer0.close();
    writer1.close();
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1", "part-1-0");
    assertThat(read("part-0-1")).isEqualTo("c\n");
  }

  @Test
  void aRestartedWriterNumbersPartsAfterCommittedAndPendingOnes() throws Exception {
    FileSink<String> sink = FileSink.forRows(dir.toString(), RowEncoder.<String>toStringEncoder()).build();
    var first = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(first, List.of("1"));
    sink.createCommitter().commit(checkpoint(first, false));
    writeAll(first, List.of("2"));
    Collection<FileSink.PendingFile> pendingInCheckpoint = checkpoint(first, false);
    writeAll(first, List.of("lost"));

    // The job fails: the pending file is in the checkpoint, the open one is abandoned.
    first.close();
    assertThat(hiddenFiles()).hasSize(1);

    var second = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(second, List.of("2-replayed"));
    Collection<FileSink.PendingFile> next = checkpoint(second, true);
    Committer<FileSink.PendingFile> committer = sink.createCommitter();
    committer.commit(pendingInCheckpoint);
    committer.commit(next);
    assertThat(visibleFiles()).containsExactly("part-0-0", "part-0-1", "part-0-2");
    assertThat(read("part-0-1")).isEqualTo("2\n");
    assertThat(read("part-0-2")).isEqualTo("2-replayed\n");
    assertThat(hiddenFiles()).isEmpty();
  }

  @Test
  void aSingleFileIsCommittedAtTheEndOfInput() throws Exception {
    Path file = dir.resolve("out/result.txt");
    FileSink<Integer> sink = FileSink.forRows(file, RowEncoder.<Integer>toStringEncoder()).toSingleFile().build();
    assertThat(sink.isSingleFile()).isTrue();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(writer, List.of(1, 2));
    assertThat(checkpoint(writer, false)).isEmpty();
    writeAll(writer, List.of(3));
    Collection<FileSink.PendingFile> pending = checkpoint(writer, true);
    writer.close();
    assertThat(pending).singleElement().satisfies(p -> {
      assertThat(p.finalPath()).isEqualTo(file.toString());
      assertThat(Path.of(p.inProgressPath()).getFileName().toString()).startsWith(".result.txt.inprogress.");
    });
    assertThat(file).doesNotExist();
    sink.createCommitter().commit(pending);
    assertThat(Files.readString(file)).isEqualTo("1\n2\n3\n");
  }

  @Test
  void aSingleFileWithoutRecordsIsCreatedEmpty() throws Exception {
    Path file = dir.resolve("empty.txt");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    sink.createCommitter().commit(checkpoint(writer, true));
    assertThat(file).exists().isEmptyFile();
  }

  @Test
  void aSingleFileReplacesAnOlderOne() throws Exception {
    Path file = dir.resolve("r.txt");
    Files.writeString(file, "old\n");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(writer, List.of("new"));
    sink.createCommitter().commit(checkpoint(writer, true));
    assertThat(Files.readString(file)).isEqualTo("new\n");
  }

  @Test
  void aSingleFileNeedsParallelismOne() {
    FileSink<String> sink =
        FileSink.forRows(dir.resolve("x.txt"), RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    assertThatThrownBy(() -> sink.createWriter(new TestWriterContext(0, 3)))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("parallelism 3")
        .hasMessageContaining(dir.resolve("x.txt").toString());
  }

  @Test
  void theDirectoryLayoutRefusesAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "x");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).build();
    assertThatThrownBy(() -> sink.createWriter(new TestWriterContext(0, 1)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is a file");
  }

  @Test
  void closingWithoutACommitRemovesTheInProgressFile() throws Exception {
    FileSink<String> sink = FileSink.forRows(dir, RowEncoder.<String>toStringEncoder()).build();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(writer, List.of("a"));
    assertThat(hiddenFiles()).hasSize(1);
    writer.close();
    assertThat(hiddenFiles()).isEmpty();
    assertThat(visibleFiles()).isEmpty();
  }

  @Test
  void committingAFileThatIsGoneEverywhereFails() {
    FileSink<String> sink = FileSink.forRows(dir, RowEncoder.<String>toStringEncoder()).build();
    FileSink.PendingFile lost = new FileSink.PendingFile(dir.resolve(".p.inprogress.1").toString(), dir.resolve("p").toString());
    assertThatThrownBy(() -> sink.createCommitter().commit(List.of(lost)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is gone");
  }

  @Test
  void thePendingFileSerializerRoundTrips() throws IOException {
    var serializer = FileSink.forRows(dir, RowEncoder.toStringEncoder()).build().getCommittableSerializer();
    FileSink.PendingFile pending = new FileSink.PendingFile("/d/.part-0-0.inprogress.u", "/d/part-0-0");
    assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(pending))).isEqualTo(pending);
    assertThatThrownBy(() -> serializer.deserialize(7, serializer.serialize(pending)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 7");
  }

  public record Trade(String symbol, int quantity, Double price) {}

  @Test
  void writesCsvRowsOfRecords() throws Exception {
    FileSink<Trade> sink = FileSink.forRows(dir.resolve("trades.csv"), CsvRowEncoder.forType(TypeInformation.of(Trade.class)))
        .toSingleFile()
        .build();
    var writer = sink.createWriter(new TestWriterContext(0, 1));
    writeAll(writer, List.of(new Trade("ACME, Inc.", 10, 1.5), new Trade("X\"Y", 2, null)));
    sink.createCommitter().commit(checkpoint(writer, true));
    assertThat(Files.readString(dir.resolve("trades.csv"))).isEqualTo("\"ACME, Inc.\",10,1.5\n\"X\"\"Y\",2,\n");
  }
}
