package io.spate.connectors.jdbc;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.base.SourceReaderBase;
import io.spate.connectors.base.SourceReaderOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded source of the rows of a query (Flink's {@code JdbcSource}), built with
 * {@link #builder()}. With a {@link io.spate.connectors.jdbc.split.JdbcParameterValuesProvider} the
 * query runs once per parameter row, each run a split that the readers take one at a time, so that
 * a table is read in parallel ranges; without one the query is a single split.
 *
 * <p>Checkpoints hold the splits not yet handed out and, for each split being read, how many rows
 * were emitted: a restored job does not read finished splits again and resumes a split after its
 * emitted rows, which needs a query whose rows come in the same order each time (an
 * {@code ORDER BY} on a unique key). Queries run on fetcher threads, never on a task's worker.
 *
 * @param <T> the record type
 */
public final class JdbcSource<T> implements Source<T, JdbcSourceSplit, List<JdbcSourceSplit>>,
    ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;
  static final String NAME = "JdbcSource";

  private final String sql;
  private final JdbcConnectionOptions connectionOptions;
  private final ResultExtractor<T> extractor;
  private final TypeInformation<T> type;
  private final Serializable[][] parameters;
  private final int fetchSize;
  private final int fetchBatchSize;
  private final boolean autoCommit;

  JdbcSource(String sql, JdbcConnectionOptions connectionOptions, ResultExtractor<T> extractor,
      TypeInformation<T> type, Serializable[][] parameters, int fetchSize, int fetchBatchSize, boolean autoCommit) {
    this.sql = sql;
    this.connectionOptions = connectionOptions;
    this.extractor = extractor;
    this.type = type;
    this.parameters = parameters;
    this.fetchSize = fetchSize;
    this.fetchBatchSize = fetchBatchSize;
    this.autoCommit = autoCommit;
  }

  /** A builder of a source; the SQL, URL, result extractor and type information are required. */
  public static <T> JdbcSourceBuilder<T> builder() {
    return new JdbcSourceBuilder<>();
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  /** The splits of this source, one per parameter row, in order. */
  List<JdbcSourceSplit> splits() {
    List<JdbcSourceSplit> splits = new ArrayList<>(parameters.length);
    for (int i = 0; i < parameters.length; i++) {
      splits.add(new JdbcSourceSplit("jdbc-split-" + i, parameters[i], 0));
    }
    return splits;
  }

  @Override
  public SourceReader<T, JdbcSourceSplit> createReader(SourceReaderContext context) {
    return new Reader<>(this, context);
  }

  @Override
  public SplitEnumerator<JdbcSourceSplit, List<JdbcSourceSplit>> createEnumerator(
      SplitEnumeratorContext<JdbcSourceSplit> context) {
    return new JdbcSplitEnumerator(context, splits());
  }

  @Override
  public SplitEnumerator<JdbcSourceSplit, List<JdbcSourceSplit>> restoreEnumerator(
      SplitEnumeratorContext<JdbcSourceSplit> context, List<JdbcSourceSplit> checkpoint) {
    return new JdbcSplitEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<JdbcSourceSplit> getSplitSerializer() {
    return SPLIT_SERIALIZER;
  }

  @Override
  public SimpleVersionedSerializer<List<JdbcSourceSplit>> getEnumeratorCheckpointSerializer() {
    return SPLITS_SERIALIZER;
  }

  @Override
  public String toString() {
    return "JdbcSource[" + sql + " on " + connectionOptions.getDbURL() + ", " + parameters.length + " splits]";
  }

  /** The rows a split has emitted, updated on the task thread as they are. */
  static final class Position {
    long emitted;

    Position(long emitted) {
      this.emitted = emitted;
    }
  }

  /** Asks for a split at the start and for another each time one is read to its end. */
  static final class Reader<T> extends SourceReaderBase<T, T, JdbcSourceSplit, Position> {
    private final java.util.Map<String, Serializable[]> parametersOfSplits = new java.util.HashMap<>();

    Reader(JdbcSource<T> source, SourceReaderContext context) {
      super(NAME, () -> new JdbcSplitReader<>(source.sql, source.extractor, source.connectionOptions,
              source.fetchSize, source.fetchBatchSize, source.autoCommit),
          (record, output, position) -> {
            output.collect(record);
            position.emitted++;
          },
          SourceReaderOptions.DEFAULTS, context);
    }

    @Override
    public void start() {
      context.sendSplitRequest();
    }

    @Override
    public void addSplits(List<JdbcSourceSplit> splits) {
      for (JdbcSourceSplit split : splits) {
        parametersOfSplits.put(split.splitId(), split.parameters());
      }
      super.addSplits(splits);
    }

    @Override
    protected Position initializedState(JdbcSourceSplit split) {
      return new Position(split.offset());
    }

    @Override
    protected JdbcSourceSplit toSplitType(String splitId, Position position) {
      return new JdbcSourceSplit(splitId, parametersOfSplits.get(splitId), position.emitted);
    }

    @Override
    protected void onSplitFinished(String splitId, Position finalState) {
      parametersOfSplits.remove(splitId);
      context.sendSplitRequest();
    }
  }

  private static final SimpleVersionedSerializer<JdbcSourceSplit> SPLIT_SERIALIZER =
      new VersionedSerializer<>("JDBC source split", 1) {
        @Override
        protected void write(JdbcSourceSplit split, DataOutputSerializer out) throws IOException {
          writeSplit(split, out);
        }

        @Override
        protected JdbcSourceSplit read(DataInputDeserializer in) throws IOException {
          return readSplit(in);
        }
      };

  private static final SimpleVersionedSerializer<List<JdbcSourceSplit>> SPLITS_SERIALIZER =
      new VersionedSerializer<>("JDBC source splits", 1) {
        @Override
        protected void write(List<JdbcSourceSplit> splits, DataOutputSerializer out) throws IOException {
          out.writeInt(splits.size());
          for (JdbcSourceSplit split : splits) {
            writeSplit(split, out);
          }
        }

        @Override
        protected List<JdbcSourceSplit> read(DataInputDeserializer in) throws IOException {
          int count = in.readInt();
          List<JdbcSourceSplit> splits = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            splits.add(readSplit(in));
          }
          return splits;
        }
      };

  private static void writeSplit(JdbcSourceSplit split, DataOutputSerializer out) throws IOException {
    out.writeUTF(split.splitId());
    out.writeLong(split.offset());
    // Parameters are any Serializable values (numbers, strings, dates): Java serialization keeps their types.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(split.parameters());
    }
    out.writeInt(bytes.size());
    out.write(bytes.toByteArray());
  }

  private static JdbcSourceSplit readSplit(DataInputDeserializer in) throws IOException {
    String id = in.readUTF();
    long offset = in.readLong();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return new JdbcSourceSplit(id, (Serializable[]) objects.readObject(), offset);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("Cannot read the parameters of JDBC source split " + id + ": " + e, e);
    }
  }
}
