package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.JobClient;
import io.spate.api.common.JobExecutionException;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.lib.DiscardingSink;
import io.spate.api.connector.sink.lib.PrintSink;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.dag.PartitionTransformation;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.UnionTransformation;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.AssignerWithPeriodicWatermarks;
import io.spate.api.functions.AssignerWithPunctuatedWatermarks;
import io.spate.api.functions.FilterFunction;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.Partitioner;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.sink.SinkFunction;
import io.spate.api.functions.sink.SinkFunctionSink;
import io.spate.api.functions.sink.SocketClientSink;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.OneInputStreamOperatorFactory;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.builtin.FilterOperator;
import io.spate.api.operators.builtin.FlatMapOperator;
import io.spate.api.operators.builtin.MapOperator;
import io.spate.api.operators.builtin.ProcessOperator;
import io.spate.api.operators.builtin.TimestampsAndWatermarksOperatorFactory;
import io.spate.api.serialization.schema.SerializationSchema;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.tuple.Tuple;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.windowing.assigners.GlobalWindows;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.CountEvictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.CountTrigger;
import io.spate.api.windowing.triggers.PurgingTrigger;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stream of records of one type, and the transformations that make new streams from it.
 *
 * @param <T> the record type
 */
@Public
public class DataStream<T> {

  /** The environment this stream belongs to. */
  protected final StreamExecutionEnvironment environment;

  /** The transformation that produces this stream. */
  protected final Transformation<T> transformation;

  /** Wraps {@code transformation} of {@code environment}. */
  @Internal
  public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.transformation = Objects.requireNonNull(transformation, "transformation");
  }

  /** The environment this stream belongs to. */
  public StreamExecutionEnvironment getExecutionEnvironment() {
    return environment;
  }

  /** The transformation that produces this stream. */
  @Internal
  public Transformation<T> getTransformation() {
    return transformation;
  }

  /** The type of the records. */
  public TypeInformation<T> getType() {
    return transformation.getOutputType();
  }

  /** The parallelism of the operator producing this stream. */
  public int getParallelism() {
    return transformation.getParallelism();
  }

  // ---------------------------------------------------------------- one-to-one

  /** Applies {@code mapper} to every record. */
  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(mapper, "map"), MapFunction.class, 0, 1, getType(), "Map");
    return map(mapper, out);
  }

  /** Applies {@code mapper} to every record, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
    return transform("Map", outputType, new MapOperator<>(checkFunction(mapper, "map")));
  }

  /** Applies {@code flatMapper} to every record; it may emit any number of records. */
  public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(flatMapper, "flatMap"), FlatMapFunction.class, 0, 1, getType(), "Flat Map");
    return flatMap(flatMapper, out);
  }

  /** Applies {@code flatMapper}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> flatMap(
      FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
    return transform("Flat Map", outputType, new FlatMapOperator<>(checkFunction(flatMapper, "flatMap")));
  }

  /** Keeps the records for which {@code filter} returns true. */
  public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
    return transform("Filter", getType(), new FilterOperator<>(checkFunction(filter, "filter")));
  }

  /** Applies {@code function}, which sees each record's timestamp and can emit to side outputs. */
  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
    TypeInformation<R> out = TypeExtractor.getUnaryReturnType(
        checkFunction(function, "process"), ProcessFunction.class, 0, 1, getType(), "Process");
    return process(function, out);
  }

  /** Applies {@code function}, producing records of {@code outputType}. */
  public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function, TypeInformation<R> outputType) {
    return transform("Process", outputType, new ProcessOperator<>(checkFunction(function, "process")));
  }

  /** Assigns timestamps and generates watermarks with {@code strategy}. */
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
    Objects.requireNonNull(strategy, "strategy");
    if (strategy.getAlignmentParameters() != null && strategy.getAlignmentParameters().isEnabled()) {
      throw new InvalidProgramException("assignTimestampsAndWatermarks: watermark alignment pauses source readers, so "
          + "it only applies to a strategy given to fromSource(...); remove withWatermarkAlignment(...) here.");
    }
    SingleOutputStreamOperator<T> result = transform(
        "Timestamps/Watermarks", getType(), new TimestampsAndWatermarksOperatorFactory<>(strategy));
    result.getTransformation().setParallelism(
        transformation.getParallelism() > 0 ? transformation.getParallelism() : environment.getParallelism());
    return result;
  }

  /**
   * Assigns timestamps and watermarks with a legacy periodic assigner: its watermark is asked for
   * every auto-watermark interval.
   *
   * @deprecated use {@link #assignTimestampsAndWatermarks(WatermarkStrategy)}, as in Flink.
   */
  @Deprecated
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
      AssignerWithPeriodicWatermarks<T> timestampAndWatermarkAssigner) {
    Objects.requireNonNull(timestampAndWatermarkAssigner, "assignTimestampsAndWatermarks: the assigner must not be null.");
    return assignTimestampsAndWatermarks(new LegacyPeriodicWatermarks<>(timestampAndWatermarkAssigner));
  }

  /**
   * Assigns timestamps and watermarks with a legacy punctuated assigner: its watermark is asked for
   * after every record.
   *
   * @deprecated use {@link #assignTimestampsAndWatermarks(WatermarkStrategy)}, as in Flink.
   */
  @Deprecated
  public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
      AssignerWithPunctuatedWatermarks<T> timestampAndWatermarkAssigner) {
    Objects.requireNonNull(timestampAndWatermarkAssigner, "assignTimestampsAndWatermarks: the assigner must not be null.");
    return assignTimestampsAndWatermarks(new LegacyPunctuatedWatermarks<>(timestampAndWatermarkAssigner));
  }

  // ---------------------------------------------------------------- keys and partitioning

  /** Joins this stream with {@code other} per key and window: {@code join(other).where(...).equalTo(...).window(...)}. */
  public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
    return new JoinedStreams<>(this, Objects.requireNonNull(other, "The other stream must not be null."));
  }

  /** Co-groups this stream with {@code other} per key and window. */
  public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
    return new CoGroupedStreams<>(this, Objects.requireNonNull(other, "The other stream must not be null."));
  }

  /** Partitions the stream by the key that {@code keySelector} extracts. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
    TypeInformation<K> keyType = TypeExtractor.getUnaryReturnType(
        checkFunction(keySelector, "keyBy"), KeySelector.class, 0, 1, getType(), "Key Selector");
    return keyBy(keySelector, keyType);
  }

  /** Partitions the stream by a key of the given type. */
  public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
    return new KeyedStream<>(this, checkFunction(keySelector, "keyBy"), Objects.requireNonNull(keyType, "keyType"));
  }

  /**
   * Cuts the whole stream into the windows of {@code assigner}; the window operator runs as one
   * subtask (parallelism 1), since every window sees every record.
   */
  public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStream<>(this, assigner);
  }

  /** Windows of {@code size} records of the whole stream: each fires and empties after {@code size}. */
  public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
    KeyedStream.checkCount("countWindowAll", "size", size);
    return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
  }

  /** The last {@code size} records of the whole stream, evaluated every {@code slide} records. */
  public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
    KeyedStream.checkCount("countWindowAll", "size", size);
    KeyedStream.checkCount("countWindowAll", "slide", slide);
    return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
  }

  /**
   * Tumbling time windows of {@code size} over the whole stream: in event time, unless the
   * environment's deprecated time characteristic is processing time, as in Flink.
   *
   * @deprecated use {@code windowAll(TumblingEventTimeWindows.of(size))}, as in Flink.
   */
  @Deprecated
  public AllWindowedStream<T, TimeWindow> timeWindowAll(Time size) {
    return KeyedStream.processingTime(environment)
        ? windowAll(TumblingProcessingTimeWindows.of(size)) : windowAll(TumblingEventTimeWindows.of(size));
  }

  /**
   * Sliding time windows of {@code size} every {@code slide} over the whole stream, in event time
   * unless the time characteristic is processing time.
   *
   * @deprecated use {@code windowAll(SlidingEventTimeWindows.of(size, slide))}, as in Flink.
   */
  @Deprecated
  public AllWindowedStream<T, TimeWindow> timeWindowAll(Time size, Time slide) {
    return KeyedStream.processingTime(environment)
        ? windowAll(SlidingProcessingTimeWindows.of(size, slide)) : windowAll(SlidingEventTimeWindows.of(size, slide));
  }

  /** Sends each record to the subtask with the same index; parallelism must be equal. */
  public DataStream<T> forward() {
    return partition(new PartitionSpec.Forward());
  }

  /** Distributes records round robin over all downstream subtasks. */
  public DataStream<T> rebalance() {
    return partition(new PartitionSpec.Rebalance());
  }

  /** Distributes records round robin over a local subset of downstream subtasks. */
  public DataStream<T> rescale() {
    return partition(new PartitionSpec.Rescale());
  }

  /** Sends each record to a random downstream subtask. */
  public DataStream<T> shuffle() {
    return partition(new PartitionSpec.Shuffle());
  }

  /** Sends every record to every downstream subtask. */
  public DataStream<T> broadcast() {
    return partition(new PartitionSpec.Broadcast());
  }

  /**
   * Makes this stream a broadcast stream whose records reach every parallel instance of the operator
   * it is connected to, where they may write the broadcast states {@code descriptors}.
   */
  public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
    if (descriptors == null || descriptors.length == 0) {
      throw new InvalidProgramException("broadcast: give at least one MapStateDescriptor for the broadcast state.");
    }
    List<MapStateDescriptor<?, ?>> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (MapStateDescriptor<?, ?> descriptor : descriptors) {
      if (descriptor == null) {
        throw new InvalidProgramException("broadcast: the broadcast state descriptors must not be null.");
      }
      if (!names.add(descriptor.getName())) {
        throw new InvalidProgramException("broadcast: two broadcast state descriptors are named '"
            + descriptor.getName() + "'; names must be unique.");
      }
      list.add(descriptor);
    }
    return new BroadcastStream<>(environment, broadcast(), List.copyOf(list));
  }

  /** Sends every record to the first downstream subtask. */
  public DataStream<T> global() {
    return partition(new PartitionSpec.Global());
  }

  /** Sends each record to the subtask that {@code partitioner} picks for its key. */
  public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
    return partition(new PartitionSpec.Custom(checkFunction(partitioner, "partitionCustom"),
        checkFunction(keySelector, "partitionCustom")));
  }

  private DataStream<T> partition(PartitionSpec spec) {
    return new DataStream<>(environment, new PartitionTransformation<>(environment.newId(), transformation, spec));
  }

  // ---------------------------------------------------------------- multiple inputs

  /** Merges this stream with streams of the same type. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... streams) {
    List<Transformation<T>> inputs = new ArrayList<>();
    inputs.add(transformation);
    for (DataStream<T> stream : streams) {
      if (stream.environment != environment) {
        throw new InvalidProgramException("union: all streams must belong to the same environment.");
      }
      if (!stream.getType().equals(getType())) {
        throw new InvalidProgramException("union: cannot merge a stream of " + stream.getType()
            + " into a stream of " + getType() + "; map them to one type first.");
      }
      inputs.add(stream.transformation);
    }
    return new DataStream<>(environment, new UnionTransformation<>(environment.newId(), inputs));
  }

  /** Connects this stream with {@code other}, possibly of another type, for a two-input operator. */
  public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
    if (other.environment != environment) {
      throw new InvalidProgramException("connect: both streams must belong to the same environment.");
    }
    return new ConnectedStreams<>(environment, this, other);
  }

  /**
   * Connects this stream with a broadcast stream, for a {@code BroadcastProcessFunction} (or a
   * {@code KeyedBroadcastProcessFunction} if this stream is keyed).
   */
  public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
    if (broadcastStream == null) {
      throw new InvalidProgramException("connect: the broadcast stream must not be null.");
    }
    if (broadcastStream.getEnvironment() != environment) {
      throw new InvalidProgramException("connect: both streams must belong to the same environment.");
    }
    return new BroadcastConnectedStream<>(environment, this, broadcastStream);
  }

  // ---------------------------------------------------------------- iterations

  /**
   * Starts an iteration over this stream whose head never ends by itself: close it with {@link
   * IterativeStream#closeWith}. A job with such an iteration runs until it is cancelled, even on
   * bounded input.
   */
  public IterativeStream<T> iterate() {
    return new IterativeStream<>(this, 0);
  }

  /**
   * Starts an iteration over this stream whose head ends once its input ended and no record came back
   * for {@code maxWaitTimeMillis} milliseconds; 0 means never, as {@link #iterate()}.
   */
  public IterativeStream<T> iterate(long maxWaitTimeMillis) {
    return new IterativeStream<>(this, maxWaitTimeMillis);
  }

  // ---------------------------------------------------------------- sinks

  /** Writes every record to standard output, prefixed by the subtask ({@code "2> "}). */
  public DataStreamSink<T> print() {
    return sinkTo(new PrintSink<>(), "Print to Std. Out");
  }

  /** Writes every record to standard output, prefixed by {@code sinkIdentifier} and the subtask. */
  public DataStreamSink<T> print(String sinkIdentifier) {
    return sinkTo(new PrintSink<>(sinkIdentifier, false), "Print to Std. Out");
  }

  /** Writes every record to standard error, prefixed by the subtask. */
  public DataStreamSink<T> printToErr() {
    return sinkTo(new PrintSink<>("", true), "Print to Std. Err");
  }

  /** Writes every record to standard error, prefixed by {@code sinkIdentifier} and the subtask. */
  public DataStreamSink<T> printToErr(String sinkIdentifier) {
    return sinkTo(new PrintSink<>(sinkIdentifier, true), "Print to Std. Err");
  }

  /** Writes the records to {@code sink}. */
  public DataStreamSink<T> sinkTo(Sink<T> sink) {
    return sinkTo(sink, "Sink: " + sink.getClass().getSimpleName());
  }

  /** Drops every record; useful for benchmarks. */
  public DataStreamSink<T> discard() {
    return sinkTo(new DiscardingSink<>(), "Discarding Sink");
  }

  /**
   * Writes each record's {@code String.valueOf} as a line into the file {@code path} (parallelism 1)
   * or into {@code path/1}, {@code path/2}, ... (one file per subtask); fails if a file exists.
   * Not part of checkpoints, as in Flink: use {@code sinkTo(FileSink...)} for exactly-once files.
   */
  @Deprecated
  public DataStreamSink<T> writeAsText(String path) {
    return writeAsText(path, io.spate.api.fs.FileSystem.WriteMode.NO_OVERWRITE);
  }

  /** Like {@link #writeAsText(String)}; {@code writeMode} says whether existing files are replaced. */
  @Deprecated
  public DataStreamSink<T> writeAsText(String path, io.spate.api.fs.FileSystem.WriteMode writeMode) {
    return sinkTo(new io.spate.api.connector.sink.lib.TextOutputSink<>(path, writeMode), "Text File Sink");
  }

  /**
   * Writes the fields of each record (a tuple, record or POJO) as a line of comma-separated values
   * into the file {@code path} or the directory of subtask files, as {@link #writeAsText(String)};
   * fails if a file exists.
   */
  @Deprecated
  public DataStreamSink<T> writeAsCsv(String path) {
    return writeAsCsv(path, io.spate.api.fs.FileSystem.WriteMode.NO_OVERWRITE, "\n", ",");
  }

  /** Like {@link #writeAsCsv(String)}; {@code writeMode} says whether existing files are replaced. */
  @Deprecated
  public DataStreamSink<T> writeAsCsv(String path, io.spate.api.fs.FileSystem.WriteMode writeMode) {
    return writeAsCsv(path, writeMode, "\n", ",");
  }

  /**
   * Like {@link #writeAsCsv(String)}, with rows ended by {@code rowDelimiter} and fields separated by
   * {@code fieldDelimiter}. Fields are written with {@code toString()}, unquoted, and null as an
   * empty field, as Flink's CSV output does.
   */
  @Deprecated
  public DataStreamSink<T> writeAsCsv(String path, io.spate.api.fs.FileSystem.WriteMode writeMode,
      String rowDelimiter, String fieldDelimiter) {
    Objects.requireNonNull(fieldDelimiter, "fieldDelimiter");
    TypeInformation<T> type = getType();
    if (!(type instanceof io.spate.api.typeinfo.CompositeTypeInfo<T> composite)) {
      throw new InvalidProgramException("writeAsCsv writes the fields of tuples, records or POJOs, but the stream's"
          + " type " + type + " has none: use writeAsText");
    }
    List<io.spate.api.typeinfo.FieldAccessor<T, Object>> fields = new ArrayList<>();
    for (String name : composite.getFieldNames()) {
      fields.add(composite.fieldAccessor(name));
    }
    io.spate.api.functions.SerializableFunction<T, String> row = record -> {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          text.append(fieldDelimiter);
        }
        Object value = fields.get(i).get(record);
        if (value != null) {
          text.append(value);
        }
      }
      return text.toString();
    };
    return sinkTo(new io.spate.api.connector.sink.lib.TextOutputSink<>(path, writeMode, row, rowDelimiter),
        "CSV File Sink");
  }

  private DataStreamSink<T> sinkTo(Sink<T> sink, String name) {
    Objects.requireNonNull(sink, "sink");
    SinkTransformation<T> t = new SinkTransformation<>(
        environment.newId(), transformation, name, sink, Transformation.DEFAULT_PARALLELISM);
    environment.addSink(t);
    return new DataStreamSink<>(t).inEnvironment(environment);
  }

  // ---------------------------------------------------------------- legacy sink functions

  /**
   * Calls {@code sinkFunction}, a legacy {@link SinkFunction}, for every record, on the task's own
   * thread; the sink is named "Unnamed" until {@link DataStreamSink#name} names it.
   */
  public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
    return sinkTo(new SinkFunctionSink<>(checkFunction(sinkFunction, "addSink")), "Unnamed");
  }

  /**
   * Runs the job with this stream as its sink and returns an iterator over the stream's records.
   * Closing the iterator cancels the job if it still runs.
   */
  public CloseableIterator<T> executeAndCollect() throws Exception {
    return executeAndCollect("DataStream Collect");
  }

  /** Like {@link #executeAndCollect()}, naming the job. */
  public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
    return executeAndCollectWithClient(jobName).iterator;
  }

  /** Runs the job with this stream collected, for {@link DataStreamUtils#collectWithClient}. */
  ClientAndIterator<T> executeAndCollectWithClient(String jobName) throws Exception {
    CollectSink<T> sink = new CollectSink<>();
    sinkTo(sink, "Collect Sink");
    JobClient client;
    try {
      client = environment.executeAsync(jobName);
    } catch (Exception e) {
      sink.buffer().close();
      throw e;
    }
    CollectIterator<T> iterator = new CollectIterator<>(sink.buffer(), client);
    environment.registerCollectIterator(iterator);
    return new ClientAndIterator<>(client, iterator);
  }

  /** Runs the job and returns at most {@code limit} records of this stream, then cancels it. */
  public List<T> executeAndCollect(int limit) throws Exception {
    List<T> result = new ArrayList<>();
    try (CloseableIterator<T> it = executeAndCollect()) {
      while (result.size() < limit && it.hasNext()) {
        result.add(it.next());
      }
    } catch (CollectIterator.JobFailedException e) {
      throw (JobExecutionException) e.getCause();
    }
    return result;
  }

  /**
   * Applies {@code operator}, an operator written against the operator SPI ({@code
   * io.spate.api.operators}), to this stream, producing records of {@code outputType}. Every
   * parallel instance runs its own copy of the operator, so it must be serializable. On a keyed
   * stream the operator is keyed: the runtime makes each record's key the current key of its keyed
   * state and timers.
   */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, OneInputStreamOperator<T, R> operator) {
    return transform(name, outputType, OperatorChecks.factoryOf(name, operator));
  }

  /**
   * Applies the one-input operator that {@code factory} creates for each parallel instance to this
   * stream, producing records of {@code outputType}; see {@link #transform(String, TypeInformation,
   * OneInputStreamOperator)}.
   */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, StreamOperatorFactory<R> factory) {
    OperatorChecks.checkFactory(name, outputType, factory, OneInputStreamOperator.class, "a one-input stream");
    OperatorChecks.handTypes(factory, getType(), outputType, environment.getConfig());
    OneInputTransformation<T, R> t = new OneInputTransformation<>(
        environment.newId(), transformation, name, factory, outputType, Transformation.DEFAULT_PARALLELISM);
    t.setChainingStrategy(factory.getChainingStrategy());
    keyOperator(t);
    return new SingleOutputStreamOperator<>(environment, t);
  }

  /** Flink's form of {@link #transform(String, TypeInformation, StreamOperatorFactory)} for a factory of one-input operators. */
  public <R> SingleOutputStreamOperator<R> transform(
      String name, TypeInformation<R> outputType, OneInputStreamOperatorFactory<T, R> factory) {
    return transform(name, outputType, (StreamOperatorFactory<R>) factory);
  }

  /**
   * Writes each record, serialized by {@code schema}, to a TCP socket at {@code hostName}:{@code port}
   * from one parallel instance, as Flink does: several would connect to the same port.
   */
  public DataStreamSink<T> writeToSocket(String hostName, int port, SerializationSchema<T> schema) {
    DataStreamSink<T> sink = addSink(new SocketClientSink<>(hostName, port, schema, 0));
    sink.setParallelism(1);
    return sink;
  }

  /** Makes an operator added with {@code transform} keyed where this stream is keyed; here it is not. */
  void keyOperator(OneInputTransformation<T, ?> transformation) {}

  // ---------------------------------------------------------------- helpers

  static <F> F checkFunction(F function, String operation) {
    if (function == null) {
      throw new InvalidProgramException(operation + ": the function must not be null.");
    }
    return function;
  }

  // Positional and field-expression keys, as Flink's keyBy(int...) and keyBy(String...).

  /**
   * Partitions the stream by the fields at {@code fields} (tuple positions, record component
   * indexes, array indexes); the key is a tuple of their values in the given order, {@code Tuple1}
   * for one field, as in Flink.
   *
   * @throws InvalidProgramException if no field is given or a position does not exist
   */
  public KeyedStream<T, Tuple> keyBy(int... fields) {
    Objects.requireNonNull(fields, "fields");
    List<FieldAccessor<T, ?>> accessors = new ArrayList<>();
    for (int field : fields) {
      try {
        accessors.add(getType().fieldAccessor(field));
      } catch (InvalidTypesException e) {
        throw new InvalidProgramException(
            "keyBy(" + Arrays.toString(fields).replaceAll("[\\[\\]]", "") + ") on " + getType() + ": " + e.getMessage(), e);
      }
    }
    return keyByFields(accessors, Arrays.toString(fields));
  }

  /**
   * Partitions the stream by the fields named by {@code fields}: tuple fields ({@code "f0"}), record
   * components and POJO fields, nested with dots ({@code "f1.f0"}, {@code "bid.price"}); the key is a
   * tuple of their values in the given order, {@code Tuple1} for one field, as in Flink.
   *
   * @throws InvalidProgramException if no field is given or a field does not exist
   */
  public KeyedStream<T, Tuple> keyBy(String... fields) {
    Objects.requireNonNull(fields, "fields");
    List<FieldAccessor<T, ?>> accessors = new ArrayList<>();
    for (String field : fields) {
      try {
        accessors.add(getType().fieldAccessor(Objects.requireNonNull(field, "a field expression")));
      } catch (InvalidTypesException e) {
        throw new InvalidProgramException(
            "keyBy(\"" + String.join("\", \"", fields) + "\") on " + getType() + ": " + e.getMessage(), e);
      }
    }
    return keyByFields(accessors, Arrays.toString(fields));
  }

  @SuppressWarnings("unchecked")
  private KeyedStream<T, Tuple> keyByFields(List<FieldAccessor<T, ?>> accessors, String fields) {
    if (accessors.isEmpty()) {
      throw new InvalidProgramException("keyBy needs at least one field, but none was given.");
    }
    if (accessors.size() > Tuple.MAX_ARITY) {
      throw new InvalidProgramException(
          "keyBy takes at most " + Tuple.MAX_ARITY + " fields, the arity of the largest tuple, but "
              + accessors.size() + " were given: " + fields);
    }
    TypeInformation<?>[] keyFieldTypes = new TypeInformation<?>[accessors.size()];
    for (int i = 0; i < keyFieldTypes.length; i++) {
      keyFieldTypes[i] = accessors.get(i).getFieldType();
    }
    TypeInformation<Tuple> keyType = (TypeInformation<Tuple>) (TypeInformation<?>) Types.TUPLE(keyFieldTypes);
    return keyBy(new TupleFieldsKey<>(accessors.toArray(new FieldAccessor[0])), keyType);
  }

  /**
   * A stream of new tuples holding the fields at {@code fieldIndexes} of this stream's tuples, in the
   * order given (a field may be selected more than once), as Flink's {@code project}.
   *
   * @throws InvalidProgramException if this stream's records are not tuples, no position or more
   *     than 25 are given, or a position does not exist
   */
  @SuppressWarnings("unchecked")
  public <R extends Tuple> SingleOutputStreamOperator<R> project(int... fieldIndexes) {
    Objects.requireNonNull(fieldIndexes, "fieldIndexes");
    if (!getType().isTupleType()) {
      throw new InvalidProgramException(
          "project(...) selects fields of tuples, but the records of this stream are " + getType()
              + "; use map(...) to pick fields of other types.");
    }
    if (fieldIndexes.length == 0 || fieldIndexes.length > Tuple.MAX_ARITY) {
      throw new InvalidProgramException(
          "project(...) takes 1 to " + Tuple.MAX_ARITY + " positions, but " + fieldIndexes.length
              + " were given.");
    }
    TypeInformation<?>[] fieldTypes = new TypeInformation<?>[fieldIndexes.length];
    for (int i = 0; i < fieldIndexes.length; i++) {
      try {
        fieldTypes[i] = getType().fieldAccessor(fieldIndexes[i]).getFieldType();
      } catch (InvalidTypesException e) {
        throw new InvalidProgramException("project" + Arrays.toString(fieldIndexes) + ": " + e.getMessage(), e);
      }
    }
    TypeInformation<R> outputType = (TypeInformation<R>) Types.TUPLE(fieldTypes);
    return map(new TupleProjection<T, R>(fieldIndexes), outputType).name("Projection");
  }

  // ---------------------------------------------------------------- Flink's further DataStream members

  /** The execution config of this stream's environment. */
  public io.spate.api.common.ExecutionConfig getExecutionConfig() {
    return environment.getConfig();
  }

  /**
   * Sends each record to the subtask that {@code partitioner} picks for the value of the field at
   * {@code field} (a tuple position, record component or array index).
   */
  public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, int field) {
    FieldAccessor<T, K> accessor;
    try {
      accessor = getType().fieldAccessor(field);
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException("partitionCustom(partitioner, " + field + ") on " + getType() + ": "
          + e.getMessage(), e);
    }
    return partitionCustom(partitioner, new FieldKey<>(accessor));
  }

  /**
   * Sends each record to the subtask that {@code partitioner} picks for the value of {@code field}
   * (a field expression such as {@code "f0"} or {@code "user.id"}).
   */
  public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, String field) {
    FieldAccessor<T, K> accessor;
    try {
      accessor = getType().fieldAccessor(Objects.requireNonNull(field, "field"));
    } catch (InvalidTypesException e) {
      throw new InvalidProgramException("partitionCustom(partitioner, \"" + field + "\") on " + getType() + ": "
          + e.getMessage(), e);
    }
    return partitionCustom(partitioner, new FieldKey<>(accessor));
  }

  /**
   * Runs the job under {@code jobExecutionName} and returns at most {@code limit} records of this
   * stream, then cancels it.
   */
  public List<T> executeAndCollect(String jobExecutionName, int limit) throws Exception {
    if (limit <= 0) {
      throw new IllegalArgumentException("executeAndCollect: the limit must be positive, got " + limit + ".");
    }
    List<T> result = new ArrayList<>();
    try (CloseableIterator<T> it = executeAndCollect(jobExecutionName)) {
      while (result.size() < limit && it.hasNext()) {
        result.add(it.next());
      }
    } catch (CollectIterator.JobFailedException e) {
      throw (JobExecutionException) e.getCause();
    }
    return result;
  }

  /**
   * Collects this stream's records when the environment next runs a job, without running it: call
   * {@code executeAsync()} on the environment, then read the iterator (reading blocks the job once
   * the bounded buffer is full, so read while the job runs rather than after a blocking {@code
   * execute()}). Closing the iterator cancels the job if it still runs.
   */
  public CloseableIterator<T> collectAsync() {
    CollectSink<T> sink = new CollectSink<>();
    sinkTo(sink, "Collect Sink");
    PendingCollectIterator<T> iterator = new PendingCollectIterator<>(sink.buffer());
    environment.registerJobListener(iterator);
    return iterator;
  }

  /** As {@link #collectAsync()}, handing the iterator to {@code collector}. */
  public void collectAsync(Collector<T> collector) {
    Objects.requireNonNull(collector, "collectAsync: the collector must not be null.");
    collector.setIterator(collectAsync());
  }

  /**
   * Writes the records to {@code sink}, whose single operator gets the writer id of {@code
   * customSinkOperatorUidHashes}. Spate's sinks commit in their writer operator, so a committer or
   * global committer id is refused.
   *
   * @throws InvalidProgramException if a committer or global committer id is set
   */
  public DataStreamSink<T> sinkTo(Sink<T> sink, CustomSinkOperatorUidHashes customSinkOperatorUidHashes) {
    Objects.requireNonNull(customSinkOperatorUidHashes, "sinkTo: the uid hashes must not be null.");
    if (customSinkOperatorUidHashes.getCommitterUidHash() != null
        || customSinkOperatorUidHashes.getGlobalCommitterUidHash() != null) {
      throw new InvalidProgramException("sinkTo: a Spate sink is one operator that writes and commits, so its"
          + " state is kept under the writer's id alone; set only setWriterUidHash(...), not a committer or"
          + " global committer uid hash.");
    }
    DataStreamSink<T> result = sinkTo(sink);
    if (customSinkOperatorUidHashes.getWriterUidHash() != null) {
      result.setUidHash(customSinkOperatorUidHashes.getWriterUidHash());
    }
    return result;
  }

  /**
   * Receives the iterator of {@link #collectAsync(Collector)}, to hand it to code that runs the job.
   *
   * @param <T> the record type
   */
  public static class Collector<T> {

    private CloseableIterator<T> iterator;

    void setIterator(CloseableIterator<T> iterator) {
      this.iterator = iterator;
    }

    /** The iterator over the collected records, or null before {@code collectAsync(this)}. */
    public CloseableIterator<T> getOutput() {
      return iterator;
    }
  }
}
