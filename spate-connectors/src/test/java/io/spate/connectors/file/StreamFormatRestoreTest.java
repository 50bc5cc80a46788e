package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spate.api.configuration.Configuration;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.fs.Path;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each stream format, checkpointed in the middle of its files and restored (several times, with
 * another parallelism), gives every record of the files exactly once.
 */
class StreamFormatRestoreTest {

  private static final int FILES = 3;
  private static final int RECORDS_PER_FILE = 5_000;

  @TempDir java.nio.file.Path dir;

  /** Reads the source in steps: a checkpoint and a restore after each step's number of records. */
  private <T> List<T> readWithRestores(FileSource<T> source, int... steps) throws Exception {
    List<T> all = new ArrayList<>();
    SourceHarness.Checkpoint checkpoint = null;
    int parallelism = 2;
    for (int i = 0; i < steps.length; i++) {
      try (var harness = checkpoint == null
          ? SourceHarness.start(source, parallelism)
          : SourceHarness.restore(source, parallelism, checkpoint)) {
        all.addAll(harness.runUntilRecords(steps[i]));
        checkpoint = harness.checkpoint(i + 1);
      }
      parallelism = parallelism == 2 ? 3 : 1;
    }
    try (var restored = SourceHarness.restore(source, parallelism, checkpoint)) {
      List<T> rest = restored.runToEnd();
      assertThat(rest).as("the last restore still has records to read").isNotEmpty();
      all.addAll(rest);
    }
    return all;
  }

  private static <T> Map<T, Integer> multiset(List<T> records) {
    Map<T, Integer> counts = new HashMap<>();
    for (T record : records) {
      counts.merge(record, 1, Integer::sum);
    }
    return counts;
  }

  private List<String> writeLines(Charset charset, String lineEnd) throws IOException {
    List<String> expected = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < RECORDS_PER_FILE; i++) {
        String line = "f" + f + " línea " + i + (i % 7 == 0 ? " ✓" : "");
        expected.add(line);
        text.append(line).append(lineEnd);
      }
      Files.write(dir.resolve("lines-" + f + ".txt"), text.toString().getBytes(charset));
    }
    return expected;
  }

  @Test
  void utf8LinesResumeAtTheCheckpointedByteOffset() throws Exception {
    List<String> expected = writeLines(StandardCharsets.UTF_8, "\r\n");
    FileSource<String> source =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString())).build();
    List<String> read = readWithRestores(source, 1, 1500, 1030);
    assertThat(read).hasSameSizeAs(expected);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
  }

  @Test
  void aTextLineCheckpointHoldsAByteOffsetAndNoRecordCount() throws Exception {
    List<String> expected = writeLines(StandardCharsets.UTF_8, "\n");
    FileSource<String> source =
        FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.resolve("lines-0.txt").toString()))
            .build();
    try (var harness = SourceHarness.start(source, 1)) {
      List<String> first = harness.runUntilRecords(10);
      FileSourceSplit position = harness.reader(0).snapshotState(1).get(0);
      long bytes = 0;
      for (String line : first) {
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      assertThat(position.offset()).isEqualTo(bytes);
      assertThat(position.recordsToSkip()).isZero();
      assertThat(position.getReaderPosition()).contains(new CheckpointedPosition(bytes, 0));
      assertThat(first).isEqualTo(expected.subList(0, first.size()));
    }
  }

  @Test
  void utf16LinesAreCountedAndSkippedAfterARestore() throws Exception {
    List<String> expected = writeLines(StandardCharsets.UTF_16, "\n");
    FileSource<String> source =
        FileSource.forRecordStreamFormat(new TextLineInputFormat("UTF-16"), new Path(dir.toString())).build();
    try (var harness = SourceHarness.start(source, 1)) {
      harness.runUntilRecords(5);
      FileSourceSplit position = harness.reader(0).snapshotState(1).get(0);
      assertThat(position.offset()).isZero();
      assertThat(position.recordsToSkip()).isEqualTo(harness.records().size());
    }
    List<String> read = readWithRestores(source, 700, 2000, 1);
    assertThat(read).hasSameSizeAs(expected);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
  }

  /** Big-endian ints, four bytes each; reports positions only if asked to. */
  static final class IntFormat extends SimpleStreamFormat<Integer> {
    private static final long serialVersionUID = 1L;
    private final boolean reportsPositions;

    IntFormat(boolean reportsPositions) {
      this.reportsPositions = reportsPositions;
    }

    @Override
    public StreamFormat.Reader<Integer> createReader(Configuration config, FSDataInputStream stream) {
      DataInputStream in = new DataInputStream(stream);
      return new StreamFormat.Reader<>() {
        @Override
        public Integer read() throws IOException {
          try {
            return in.readInt();
          } catch (EOFException e) {
            return null;
          }
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
          try {
            return reportsPositions ? new CheckpointedPosition(stream.getPos(), 0) : null;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }

    @Override
    public TypeInformation<Integer> getProducedType() {
      return Types.INT;
    }
  }

  private List<Integer> writeInts() throws IOException {
    List<Integer> expected = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      try (OutputStream file = Files.newOutputStream(dir.resolve("ints-" + f));
          DataOutputStream out = new DataOutputStream(file)) {
        for (int i = 0; i < RECORDS_PER_FILE; i++) {
          int value = f * 1_000_000 + i;
          out.writeInt(value);
          expected.add(value);
        }
      }
    }
    return expected;
  }

  @Test
  void aFormatThatReportsPositionsResumesThere() throws Exception {
    List<Integer> expected = writeInts();
    FileSource<Integer> source = FileSource.forRecordStreamFormat(new IntFormat(true), new Path(dir.toString())).build();
    assertThat(source.getProducedType()).isEqualTo(Types.INT);
    List<Integer> read = readWithRestores(source, 1200, 3000);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
    assertThat(read).hasSameSizeAs(expected);
  }

  @Test
  void aFormatWithoutPositionsIsCountedAndSkipped() throws Exception {
    List<Integer> expected = writeInts();
    FileSource<Integer> source = FileSource.forRecordStreamFormat(new IntFormat(false), new Path(dir.toString())).build();
    List<Integer> read = readWithRestores(source, 1, 4999, 5001);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
    assertThat(read).hasSameSizeAs(expected);
  }

  /**
   * Big-endian ints in batches of 100, whose positions are record counts from the file's start
   * (no offset), as a format that cannot seek by records reports them; it skips on restore itself.
   */
  static final class IntBulkFormat implements BulkFormat<Integer, FileSourceSplit> {
    private static final long serialVersionUID = 1L;

    @Override
    public BulkFormat.Reader<Integer> createReader(Configuration config, FileSourceSplit split) throws IOException {
      return reader(split, 0);
    }

    @Override
    public BulkFormat.Reader<Integer> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
      CheckpointedPosition position = split.getReaderPosition().orElseThrow();
      assertThat(position.getOffset()).isEqualTo(CheckpointedPosition.NO_OFFSET);
      return reader(split, position.getRecordsAfterOffset());
    }

    private static BulkFormat.Reader<Integer> reader(FileSourceSplit split, long skip) throws IOException {
      Path path = split.path();
      FSDataInputStream stream = path.getFileSystem().open(path);
      stream.seek(skip * Integer.BYTES);
      DataInputStream in = new DataInputStream(stream);
      return new BulkFormat.Reader<>() {
        private long read = skip;
        private boolean ended;

        @Override
        public BulkFormat.RecordIterator<Integer> readBatch() throws IOException {
          List<RecordAndPosition<Integer>> batch = new ArrayList<>();
          while (!ended && batch.size() < 100) {
            try {
              batch.add(new RecordAndPosition<>(in.readInt(), RecordAndPosition.NO_OFFSET, ++read));
            } catch (EOFException e) {
              ended = true;
            }
          }
          if (batch.isEmpty()) {
            return null;
          }
          var records = batch.iterator();
          return new BulkFormat.RecordIterator<>() {
            @Override
            public RecordAndPosition<Integer> next() {
              return records.hasNext() ? records.next() : null;
            }

            @Override
            public void releaseBatch() {}
          };
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }

    @Override
    public boolean isSplittable() {
      return false;
    }

    @Override
    public TypeInformation<Integer> getProducedType() {
      return Types.INT;
    }
  }

  @Test
  void aBulkFormatRestoresFromThePositionOfTheLastRecordEmitted() throws Exception {
    List<Integer> expected = writeInts();
    FileSource<Integer> source = FileSource.forBulkFileFormat(new IntBulkFormat(), new Path(dir.toString()))
        .processStaticFileSet()
        .build();
    List<Integer> read = readWithRestores(source, 150, 1, 4321);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
    assertThat(read).hasSameSizeAs(expected);
  }

  /** A row of the CSV test files. */
  @JsonPropertyOrder({"name", "number", "share"})
  public record Row(String name, int number, double share) {}

  @Test
  void csvRowsResumeExactlyOnce() throws Exception {
    List<Row> expected = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      StringBuilder csv = new StringBuilder();
      for (int i = 0; i < RECORDS_PER_FILE; i++) {
        Row row = new Row(i % 5 == 0 ? "name, with \"comma\" " + i : "n" + f + "-" + i, i, i / 4.0);
        expected.add(row);
        Function<String, String> quote = s -> "\"" + s.replace("\"", "\"\"") + "\"";
        csv.append(quote.apply(row.name())).append(',').append(row.number()).append(',').append(row.share())
            .append('\n');
      }
      Files.writeString(dir.resolve("rows-" + f + ".csv"), csv);
    }
    FileSource<Row> source =
        FileSource.forRecordStreamFormat(CsvReaderFormat.forPojo(Row.class), new Path(dir.toString())).build();
    List<Row> read = readWithRestores(source, 1100, 1900);
    assertThat(read).hasSameSizeAs(expected);
    assertThat(multiset(read)).isEqualTo(multiset(expected));
    assertThat(IntStream.range(0, 3).mapToObj(read::get).toList()).isEqualTo(expected.subList(0, 3));
  }
}
