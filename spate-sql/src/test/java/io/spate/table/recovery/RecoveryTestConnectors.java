package io.spate.table.recovery;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.MapFunction;
import io.spate.api.state.CheckpointListener;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiter;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.sink.DynamicTableSink;
import io.spate.table.connector.sink.SinkV2Provider;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.factories.DynamicTableSinkFactory;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table connectors for recovery tests: {@code failing-sequence}, numbers 0 to rows - 1 that fail
 * once after a checkpoint completed when {@code fail} is set (paced until then), and {@code committed-rows}, a
 * two-phase sink that keeps each run's changes only when their checkpoint commits, each batch once.
 */
public final class RecoveryTestConnectors {

  private static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();
  private static final Set<UUID> COMMITTED_BATCHES = ConcurrentHashMap.newKeySet();
  private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
  private static final Map<String, Long> CHECKPOINT_BEFORE_FAILURE = new ConcurrentHashMap<>();

  static final ConfigOption<String> RUN = ConfigOptions.key("run").stringType().noDefaultValue();
  static final ConfigOption<Long> ROWS = ConfigOptions.key("rows").longType().defaultValue(10_000L);
  static final ConfigOption<Boolean> FAIL = ConfigOptions.key("fail").booleanType().defaultValue(false);
  static final ConfigOption<Boolean> UPSERT = ConfigOptions.key("upsert").booleanType().defaultValue(false);

  private RecoveryTestConnectors() {}

  /** The changes run {@code run} committed, as {@code +I[...]} texts. */
  static List<String> committed(String run) {
    List<String> rows = COMMITTED.getOrDefault(run, List.of());
    synchronized (rows) {
      return new ArrayList<>(rows);
    }
  }

  /** The latest checkpoint the failing subtask of {@code run} had heard of when it failed (0: none failed). */
  static long checkpointBeforeFailure(String run) {
    return CHECKPOINT_BEFORE_FAILURE.getOrDefault(run, 0L);
  }

  /** The {@code failing-sequence} source. */
  public static final class SourceFactory implements DynamicTableSourceFactory {
    @Override
    public String factoryIdentifier() {
      return "failing-sequence";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
      return Set.of(RUN);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
      return Set.of(ROWS, FAIL);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
      FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
      helper.validate();
      String run = helper.getOptions().get(RUN);
      long rows = helper.getOptions().get(ROWS);
      boolean fail = helper.getOptions().get(FAIL);
      var rowType = TypeInfos.ofRow(context.getCatalogTable().getPhysicalRowType());
      return new ScanTableSource() {
        @Override
        public ChangelogMode getChangelogMode() {
          return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext scanContext) {
          return new DataStreamScanProvider() {
            @Override
            public DataStream<Row> produceDataStream(StreamExecutionEnvironment env, String name) {
              // One subtask, so that each key's rows come in one order in every run.
              return env.fromSource(new DataGeneratorSource<>(index -> index, rows,
                      new PacedUntilFailure(run, fail), Types.LONG), WatermarkStrategy.noWatermarks(), name)
                  .setParallelism(1).uid(name)
                  .map(new FailOnce(run, fail), rowType).setParallelism(1).uid(name + "-fail");
            }

            @Override
            public boolean isBounded() {
              return true;
            }
          };
        }

        @Override
        public String asSummaryString() {
          return "failing-sequence";
        }
      };
    }
  }

  /**
   * Paces a run that is to fail (5,000 rows a second) until its failure came, so that a checkpoint
   * completes before it with part of the input read; the rest of that run, and a failure-free run,
   * read at full speed. Neither the assertions nor the rows depend on the pace: the rows come in one
   * order whatever it is, and the failure-free run's output is the reference the faulty run's must
   * equal. Most of the recovery tests' time used to be this pace, kept for the whole of both runs.
   */
  static final class PacedUntilFailure implements RateLimiterStrategy {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final boolean fail;

    PacedUntilFailure(String run, boolean fail) {
      this.run = run;
      this.fail = fail;
    }

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
      RateLimiter paced = RateLimiterStrategy.perSecond(5_000).createRateLimiter(parallelism);
      return new RateLimiter() {
        @Override
        public int tryAcquire(int wanted, long nowNanos) {
          return failureToCome() ? paced.tryAcquire(wanted, nowNanos) : wanted;
        }

        @Override
        public long nanosUntilNextPermit(long nowNanos) {
          return failureToCome() ? paced.nanosUntilNextPermit(nowNanos) : 0;
        }
      };
    }

    private boolean failureToCome() {
      return fail && !FAILED.contains(run);
    }
  }

  /** Gives each number as a row; fails once at the first number after a checkpoint completed, if asked to. */
  static final class FailOnce implements MapFunction<Long, Row>, CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final String run;
    private final boolean fail;
    private transient volatile long checkpointed;

    FailOnce(String run, boolean fail) {
      this.run = run;
      this.fail = fail;
    }

    @Override
    public Row map(Long value) {
      if (fail && checkpointed > 0 && value > 1_000 && FAILED.add(run)) {
        CHECKPOINT_BEFORE_FAILURE.put(run, checkpointed);
        throw new IllegalStateException("injected failure at " + value);
      }
      return Row.of(value);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointed = Math.max(checkpointed, checkpointId);
    }
  }

  /** The {@code committed-rows} sink; with {@code 'upsert' = 'true'} it takes upserts (no update-before rows). */
  public static final class SinkFactory implements DynamicTableSinkFactory {
    @Override
    public String factoryIdentifier() {
      return "committed-rows";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
      return Set.of(RUN);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
      return Set.of(UPSERT);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
      FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
      helper.validate();
      String run = helper.getOptions().get(RUN);
      boolean upsert = helper.getOptions().get(UPSERT);
      return new DynamicTableSink() {
        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
          return upsert ? ChangelogMode.upsert() : requestedMode;
        }

        @Override
        public SinkRuntimeProvider getSinkRuntimeProvider(Context sinkContext) {
          return SinkV2Provider.of(new CommittedRowsSink(run));
        }

        @Override
        public String asSummaryString() {
          return "committed-rows";
        }
      };
    }
  }

  /** A batch of changes of one subtask and checkpoint, with an id that makes its commit happen once. */
  record Batch(UUID id, List<String> rows) {}

  /** Buffers changes until a checkpoint, then commits them when the checkpoint completes. */
  static final class CommittedRowsSink implements Sink<Row>, SupportsCommitter<Batch> {
    private static final long serialVersionUID = 1L;
    private final String run;

    CommittedRowsSink(String run) {
      this.run = run;
    }

    @Override
    public SinkWriter<Row> createWriter(WriterInitContext context) {
      return new CommittingSinkWriter<Row, Batch>() {
        private List<String> buffer = new ArrayList<>();

        @Override
        public void write(Row element, Context ctx) {
          buffer.add(element.toString());
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public Collection<Batch> prepareCommit() {
          if (buffer.isEmpty()) {
            return List.of();
          }
          Batch batch = new Batch(UUID.randomUUID(), buffer);
          buffer = new ArrayList<>();
          return List.of(batch);
        }
      };
    }

    @Override
    public Committer<Batch> createCommitter() {
      return committables -> {
        for (Batch batch : committables) {
          if (COMMITTED_BATCHES.add(batch.id())) {
            COMMITTED.computeIfAbsent(run, r -> Collections.synchronizedList(new ArrayList<>())).addAll(batch.rows());
          }
        }
      };
    }

    @Override
    public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
      return new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
          return 1;
        }

        @Override
        public byte[] serialize(Batch batch) throws IOException {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          DataOutputStream out = new DataOutputStream(bytes);
          out.writeLong(batch.id().getMostSignificantBits());
          out.writeLong(batch.id().getLeastSignificantBits());
          out.writeInt(batch.rows().size());
          for (String row : batch.rows()) {
            out.writeUTF(row);
          }
          out.flush();
          return bytes.toByteArray();
        }

        @Override
        public Batch deserialize(int version, byte[] serialized) throws IOException {
          DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
          UUID id = new UUID(in.readLong(), in.readLong());
          int size = in.readInt();
          List<String> rows = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            rows.add(in.readUTF());
          }
          return new Batch(id, rows);
        }
      };
    }
  }
}
