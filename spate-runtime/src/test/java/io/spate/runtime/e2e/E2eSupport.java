package io.spate.runtime.e2e;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionResult;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.IndexRangeSource;
import io.spate.api.connector.source.lib.NumberSequenceSplit;
import io.spate.api.connector.source.lib.SequentialSplitReader;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Shared pieces of the end-to-end tests: collecting, recording sinks, a subtask-tagging source. */
final class E2eSupport {

  private E2eSupport() {}

  /** How long a test job that should end may run before the test fails (jobs here take < 1 s). */
  static final long JOB_TIMEOUT_SECONDS = 20;

  /**
   * Runs the job of {@code stream} (sinking it into a {@link RecordingSink}) and returns every record
   * it produced; fails the test, cancelling the job, if it does not end within the timeout.
   */
  static <T> List<T> collect(DataStream<T> stream) throws Exception {
    RecordingSink<T> sink = new RecordingSink<>();
    stream.sinkTo(sink);
    run(stream.getExecutionEnvironment(), "collect");
    return sink.values();
  }

  /** Runs the job built on {@code env} and waits, bounded, for its result. */
  static JobExecutionResult run(StreamExecutionEnvironment env, String jobName) throws Exception {
    JobClient client = env.executeAsync(jobName);
    return awaitResult(client);
  }

  /** Waits, bounded, for the result of the job of {@code client}; cancels it on timeout. */
  static JobExecutionResult awaitResult(JobClient client) throws Exception {
    try {
      return client.getJobExecutionResult().get(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      String status;
      try {
        status = String.valueOf(client.getJobStatus().get(5, TimeUnit.SECONDS));
      } catch (Exception statusFailure) {
        status = "unknown (" + statusFailure + ")";
      }
      try {
        client.cancel().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported below
      }
      throw new AssertionError("The job did not end within " + JOB_TIMEOUT_SECONDS + " s; its status was " + status);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Runs the job of {@code stream} through {@code executeAndCollect()} and returns every record. */
  static <T> List<T> executeAndCollect(DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  /** A record written by {@link RecordingSink}: which sink subtask (of how many) got which value. */
  record Landed<T>(int subtask, int parallelism, T value) {}

  /**
   * A sink that records, per writer, the subtask it runs in and every record it gets. Writers are
   * created per subtask by the runtime, so the subtask index is exact even if the sink object is
   * shared between subtasks.
   */
  static final class RecordingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Landed<?>>> RECORDS = new ConcurrentHashMap<>();
    private static final Map<String, Set<Integer>> OPENED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    RecordingSink() {
      RECORDS.put(id, new ConcurrentLinkedQueue<>());
      OPENED.put(id, ConcurrentHashMap.newKeySet());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      int subtask = context.getSubtaskId();
      int parallelism = context.getNumberOfParallelSubtasks();
      OPENED.get(id).add(subtask);
      ConcurrentLinkedQueue<Landed<?>> queue = RECORDS.get(id);
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context ctx) {
          queue.add(new Landed<>(subtask, parallelism, element));
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }

    @SuppressWarnings("unchecked")
    List<Landed<T>> landed() {
      List<Landed<T>> out = new ArrayList<>();
      for (Landed<?> l : RECORDS.get(id)) {
        out.add((Landed<T>) l);
      }
      return out;
    }

    List<T> values() {
      List<T> out = new ArrayList<>();
      for (Landed<T> l : landed()) {
        out.add(l.value());
      }
      return out;
    }

    Set<Integer> openedSubtasks() {
      return OPENED.get(id);
    }
  }

  /** A record of {@link TaggedSource}: the index and the source subtask that emitted it. */
  record Tagged(int subtask, long index) {}

  /**
   * A parallel bounded source of {@code count} records tagged with the subtask that read them: the
   * indices 0 to {@code count - 1} in splits handed out on request, as {@code fromSequence} reads them.
   */
  static final class TaggedSource extends IndexRangeSource<Tagged> {
    private static final long serialVersionUID = 1L;
    static final TypeInformation<Tagged> TYPE = Types.RECORD(Tagged.class);

    private final long count;

    TaggedSource(long count) {
      this.count = count;
    }

    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public TypeInformation<Tagged> getProducedType() {
      return TYPE;
    }

    @Override
    protected long firstIndex() {
      return 0;
    }

    @Override
    protected long lastIndex() {
      return count - 1;
    }

    @Override
    public SourceReader<Tagged, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
      return new Reader(readerContext);
    }

    /** Emits the indices of its splits, tagged with its subtask, in batches. */
    private static final class Reader extends SequentialSplitReader<Tagged, NumberSequenceSplit> {
      private final int subtask;
      private String splitId;
      private long next;
      private long last;

      Reader(SourceReaderContext context) {
        super(context);
        this.subtask = context.getIndexOfSubtask();
      }

      @Override
      protected void openSplit(NumberSequenceSplit split) {
        splitId = split.splitId();
        next = split.from();
        last = split.to();
      }

      @Override
      protected SplitProgress readSplit(ReaderOutput<Tagged> output) {
        int batch = batchSize(next, last, BATCH_SIZE);
        for (int i = 0; i < batch; i++) {
          output.collect(new Tagged(subtask, next + i));
        }
        if (next + batch - 1 == last) {
          return SplitProgress.FINISHED;
        }
        next += batch;
        return SplitProgress.MORE;
      }

      @Override
      protected NumberSequenceSplit currentSplitState() {
        return new NumberSequenceSplit(splitId, next, last);
      }
    }
  }
}
