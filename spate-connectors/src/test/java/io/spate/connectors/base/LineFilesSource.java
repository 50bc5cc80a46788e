package io.spate.connectors.base;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test source over text files that a writer may still be extending, as {@code tail -f} reads
 * them: one split per file, whose position is a byte offset; a line "END" ends a file and a line
 * "FAIL" makes the split reader throw. Its {@link SplitReader} is a real blocking client: it waits
 * (on its own thread) for lines to be appended.
 */
final class LineFilesSource implements Source<String, LineFilesSource.FileSplit, List<LineFilesSource.FileSplit>>,
    ResultTypeQueryable<String> {

  private static final long serialVersionUID = 1L;

  /** Elements every split reader of this JVM fetched, for tests of backpressure. */
  static final AtomicLong FETCHED = new AtomicLong();

  private final List<String> paths;
  private final SourceReaderOptions options;
  private final int maxLinesPerFetch;

  LineFilesSource(List<String> paths, SourceReaderOptions options, int maxLinesPerFetch) {
    this.paths = List.copyOf(paths);
    this.options = options;
    this.maxLinesPerFetch = maxLinesPerFetch;
  }

  /** A file and the offset of the first byte not yet emitted. */
  record FileSplit(String path, long offset) implements SourceSplit {
    @Override
    public String splitId() {
      return path;
    }
  }

  /** A fetched line and the offset after it. */
  record Line(String text, long nextOffset) {}

  /** A split's position while it is read. */
  static final class Position {
    long offset;

    Position(long offset) {
      this.offset = offset;
    }
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  @Override
  public SourceReader<String, FileSplit> createReader(SourceReaderContext context) {
    return new Reader(options, maxLinesPerFetch, context);
  }

  @Override
  public SplitEnumerator<FileSplit, List<FileSplit>> createEnumerator(SplitEnumeratorContext<FileSplit> context) {
    List<FileSplit> splits = new ArrayList<>();
    for (String path : paths) {
      splits.add(new FileSplit(path, 0));
    }
    return new Enumerator(context, paths, splits);
  }

  @Override
  public SplitEnumerator<FileSplit, List<FileSplit>> restoreEnumerator(
      SplitEnumeratorContext<FileSplit> context, List<FileSplit> checkpoint) {
    return new Enumerator(context, paths, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<FileSplit> getSplitSerializer() {
    return SPLIT_SERIALIZER;
  }

  @Override
  public SimpleVersionedSerializer<List<FileSplit>> getEnumeratorCheckpointSerializer() {
    return SPLITS_SERIALIZER;
  }

  private static final SimpleVersionedSerializer<FileSplit> SPLIT_SERIALIZER =
      new VersionedSerializer<>("test file split", 1) {
        @Override
        protected void write(FileSplit split, DataOutputSerializer out) throws IOException {
          out.writeUTF(split.path());
          out.writeLong(split.offset());
        }

        @Override
        protected FileSplit read(DataInputDeserializer in) throws IOException {
          return new FileSplit(in.readUTF(), in.readLong());
        }
      };

  private static final SimpleVersionedSerializer<List<FileSplit>> SPLITS_SERIALIZER =
      new VersionedSerializer<>("test file splits", 1) {
        @Override
        protected void write(List<FileSplit> splits, DataOutputSerializer out) throws IOException {
          out.writeInt(splits.size());
          for (FileSplit split : splits) {
            out.writeUTF(split.path());
            out.writeLong(split.offset());
          }
        }

        @Override
        protected List<FileSplit> read(DataInputDeserializer in) throws IOException {
          int count = in.readInt();
          List<FileSplit> splits = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            splits.add(new FileSplit(in.readUTF(), in.readLong()));
          }
          return splits;
        }
      };

  /** Gives each reader that asks the unassigned files whose index modulo the parallelism is its own. */
  private static final class Enumerator implements SplitEnumerator<FileSplit, List<FileSplit>> {
    private final SplitEnumeratorContext<FileSplit> context;
    private final List<String> paths;
    private final List<FileSplit> unassigned;

    Enumerator(SplitEnumeratorContext<FileSplit> context, List<String> paths, List<FileSplit> unassigned) {
      this.context = context;
      this.paths = paths;
      this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId) {
      List<FileSplit> mine = new ArrayList<>();
      for (FileSplit split : unassigned) {
        if (paths.indexOf(split.path()) % context.currentParallelism() == subtaskId) {
          mine.add(split);
        }
      }
      unassigned.removeAll(mine);
      for (FileSplit split : mine) {
        context.assignSplit(split, subtaskId);
      }
      context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<FileSplit> splits, int subtaskId) {
      unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public List<FileSplit> snapshotState(long checkpointId) {
      return new ArrayList<>(unassigned);
    }
  }

  /** Asks for its files at the start and emits each line, moving the split's offset past it. */
  static final class Reader extends SourceReaderBase<Line, String, FileSplit, Position> {
    Reader(SourceReaderOptions options, int maxLinesPerFetch, SourceReaderContext context) {
      super("line-files", () -> new TailingSplitReader(maxLinesPerFetch),
          (line, output, position) -> {
            output.collect(line.text());
            position.offset = line.nextOffset();
          },
          options, context);
    }

    @Override
    public void start() {
      context.sendSplitRequest();
    }

    @Override
    protected Position initializedState(FileSplit split) {
      return new Position(split.offset());
    }

    @Override
    protected FileSplit toSplitType(String splitId, Position state) {
      return new FileSplit(splitId, state.offset);
    }
  }

  /**
   * Reads complete lines from the end of what it read so far; when no file has a new line it waits
   * for one, a millisecond at a time, until {@link #wakeUp()}.
   */
  static final class TailingSplitReader implements SplitReader<Line, FileSplit> {
    private final int maxLinesPerFetch;
    private final Map<String, RandomAccessFile> files = new LinkedHashMap<>();
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final Object wakeUps = new Object();
    private boolean wokenUp;

    TailingSplitReader(int maxLinesPerFetch) {
      this.maxLinesPerFetch = maxLinesPerFetch;
    }

    @Override
    public void addSplits(List<FileSplit> splits) throws IOException {
      for (FileSplit split : splits) {
        files.put(split.splitId(), new RandomAccessFile(split.path(), "r"));
        offsets.put(split.splitId(), split.offset());
      }
    }

    @Override
    public RecordsBySplits<Line> fetch() throws Exception {
      RecordsBySplits.Builder<Line> batch = RecordsBySplits.builder();
      while (true) {
        for (Map.Entry<String, RandomAccessFile> file : new ArrayList<>(files.entrySet())) {
          readLines(file.getKey(), file.getValue(), batch);
        }
        RecordsBySplits<Line> fetched = batch.build();
        if (!fetched.isEmpty()) {
          FETCHED.addAndGet(fetched.size());
          return fetched;
        }
        synchronized (wakeUps) {
          if (wokenUp) {
            wokenUp = false;
            return batch.build();
          }
          wakeUps.wait(1); // the files change behind our back: look again shortly
        }
      }
    }

    private void readLines(String splitId, RandomAccessFile file, RecordsBySplits.Builder<Line> batch)
        throws IOException {
      long offset = offsets.get(splitId);
      file.seek(offset);
      for (int i = 0; i < maxLinesPerFetch; i++) {
        long start = file.getFilePointer();
        String line = file.readLine();
        if (line == null || file.getFilePointer() == start || !endsWithNewline(file)) {
          break; // no complete line yet: the writer is still writing it
        }
        offset = file.getFilePointer();
        String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (text.equals("FAIL")) {
          throw new IOException("the file says FAIL at byte " + start);
        }
        if (text.equals("END")) {
          file.close();
          files.remove(splitId);
          offsets.remove(splitId);
          batch.finish(splitId);
          return;
        }
        batch.add(splitId, new Line(text, offset));
      }
      offsets.put(splitId, offset);
    }

    private static boolean endsWithNewline(RandomAccessFile file) throws IOException {
      long after = file.getFilePointer();
      file.seek(after - 1);
      boolean newline = file.read() == '\n';
      file.seek(after);
      return newline;
    }

    @Override
    public void wakeUp() {
      synchronized (wakeUps) {
        wokenUp = true;
        wakeUps.notifyAll();
      }
    }

    @Override
    public void close() throws IOException {
      for (RandomAccessFile file : files.values()) {
        file.close();
      }
      files.clear();
    }
  }
}
