package io.spate.runtime.tasks;

import io.spate.api.accumulators.Accumulator;
import io.spate.api.dag.MultipleInputTransformation;
import io.spate.api.dag.PartitionSpec;
import io.spate.api.dag.PhysicalTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.functions.KeySelector;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.SimpleCounter;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.Output;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.graph.JobEdge;
import io.spate.runtime.graph.JobVertex;
import io.spate.runtime.graph.StreamEdge;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.metrics.groups.OperatorMetricGroup;
import io.spate.runtime.metrics.groups.TaskMetricGroup;
import io.spate.runtime.network.ChannelId;
import io.spate.runtime.network.InputGate;
import io.spate.runtime.network.LocalChannel;
import io.spate.runtime.network.RecordWriter;
import io.spate.runtime.network.ShuffleEnvironment;
import io.spate.runtime.operators.KeyedInput;
import io.spate.runtime.operators.OperatorContext;
import io.spate.runtime.operators.OperatorFailure;
import io.spate.runtime.operators.StreamOperatorStateHandler;
import io.spate.runtime.operators.TaskOperatorParameters;
import io.spate.runtime.partition.BroadcastPartitioner;
import io.spate.runtime.partition.CustomPartitionerWrapper;
import io.spate.runtime.partition.FixedChannelPartitioner;
import io.spate.runtime.partition.KeyGroupPartitioner;
import io.spate.runtime.partition.RoundRobinPartitioner;
import io.spate.runtime.partition.ShufflePartitioner;
import io.spate.runtime.partition.StreamPartitioner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operators of one subtask, wired together: chained operators call each other through
 * {@link ChainingOutput}s, and the chain's ends write to the network through {@link RecordWriter}s.
 * The outputs count records for the operators' numRecordsIn/numRecordsOut and the task's
 * numRecordsOut: an operator's outermost output counts what it emits, each chaining output what its
 * target takes in, so that a record costs one plain increment per count and no extra call. An
 * operator that feeds one chained operator alone shares that operator's numRecordsIn counter; one
 * that hands every record to several consumers (no side outputs) counts once in its routing output,
 * and its chained consumers read their numRecordsIn from that count.
 */
final class OperatorChain {

  private final List<StreamOperator<?>> operators = new ArrayList<>();
  // The state of each operator, in the order of operators; the task snapshots and disposes it.
  private final List<StreamOperatorStateHandler> stateHandlers = new ArrayList<>();
  private final List<RecordWriter> writers = new ArrayList<>();
  private final InputGate inputGate;
  private final StreamNode headNode;
  private final List<StreamEdge> channelEdges = new ArrayList<>();
  private final List<ChannelId> outputChannels = new ArrayList<>();
  private final List<ChannelId> inputChannels = new ArrayList<>();
  private final List<LocalChannel> outputLocalChannels = new ArrayList<>();

  @SuppressWarnings({"unchecked", "rawtypes"})
  OperatorChain(TaskDeploymentDescriptor tdd, ShuffleEnvironment shuffle,
      Function<StreamNode, OperatorContext> contexts, TaskMetricGroup metrics,
      Map<String, Accumulator<?, ?>> accumulators) {
    JobVertex vertex = tdd.vertex();
    this.headNode = vertex.getChain().get(0);
    int subtask = tdd.subtaskIndex();
    Map<Integer, StreamOperator<?>> byNode = new HashMap<>();
    Map<Integer, StreamOperatorStateHandler> stateOf = new HashMap<>();
    Map<StreamEdge, RecordWriter> writerOf = new HashMap<>();
    for (JobEdge edge : vertex.getOutputs()) {
      int[] consumers = edge.consumersOf(subtask);
      LocalChannel[] channels = new LocalChannel[consumers.length];
      for (int i = 0; i < consumers.length; i++) {
        ChannelId id = new ChannelId(tdd.attemptId().jobId(), tdd.attemptId().attemptNumber(), edge.id(), subtask,
            consumers[i]);
        channels[i] = shuffle.producerEnd(id, tdd.locationOf(edge.target().getId(), consumers[i]),
            () -> serializerOf(edge.streamEdge()));
        outputChannels.add(id);
      }
      outputLocalChannels.addAll(List.of(channels));
      RecordWriter writer = new RecordWriter(channels, partitionerFor(edge.streamEdge()), shuffle.batchSize());
      writers.add(writer);
      writerOf.put(edge.streamEdge(), writer);
    }
    List<WatermarkTracked> tails = new ArrayList<>(); // the network outputs through which watermarks leave the task
    try {
      // Wire from the tail so that every operator's consumers exist when its output is built.
      List<StreamNode> chain = vertex.getChain();
      for (int i = chain.size() - 1; i >= 0; i--) {
        StreamNode node = chain.get(i);
        OperatorMetricGroup operatorMetrics = metrics.getOrAddOperator(node.getOperatorId(), node.getName());
        // With one consumer that output counts the operator's records out; with several, the routing
        // output does. A chained consumer's records in are the same count, so the two share a counter.
        boolean routed = node.getOutEdges().size() != 1 || node.getOutEdges().get(0).sideOutputTag() != null;
        // Without side outputs a routing output hands each record to every consumer: a chained
        // consumer's records in are then the routing output's count, and need no increment of their own.
        boolean routedToAll = routed && node.getOutEdges().stream().allMatch(e -> e.sideOutputTag() == null);
        List<Output<Object>> main = new ArrayList<>();
        Map<String, List<Output<Object>>> sides = new LinkedHashMap<>();
        List<Output<?>> all = new ArrayList<>();
        for (StreamEdge edge : node.getOutEdges()) {
          StreamOperator<?> target = byNode.get(edge.target().getId());
          Output<Object> out;
          if (target != null) {
            OperatorMetricGroup targetMetrics =
                metrics.getOrAddOperator(edge.target().getOperatorId(), edge.target().getName());
            SimpleCounter targetRecordsIn = targetMetrics.numRecordsIn();
            if (!routed) {
              operatorMetrics.countRecordsOutWith(targetRecordsIn);
            } else if (routedToAll) {
              targetMetrics.countRecordsInWith(operatorMetrics.numRecordsOut());
              targetRecordsIn = null;
            }
            out = chainingOutput((OneInputStreamOperator<Object, ?>) target, edge.target(),
                stateOf.get(edge.target().getId()), targetRecordsIn);
            targetMetrics.gauge("currentInputWatermark", (Gauge<Long>) ((WatermarkTracked) out)::lastEmittedWatermark);
          } else {
            // A routing output counts the operator's records out itself.
            out = new RecordWriterOutput<>(writerOf.get(edge), node.getName(),
                routed ? null : operatorMetrics.numRecordsOut(), metrics.numRecordsOut());
            tails.add((WatermarkTracked) out);
          }
          if (edge.sideOutputTag() == null) {
            main.add(out);
          } else {
            sides.computeIfAbsent(edge.sideOutputTag().getId(), k -> new ArrayList<>()).add(out);
          }
          all.add(out);
        }
        Output<Object> output;
        if (sides.isEmpty() && main.size() == 1) {
          output = main.get(0);
        } else if (all.isEmpty()) {
          output = new DiscardingOutput<>(operatorMetrics.numRecordsOut());
        } else {
          output = new RoutingOutput<>(main.toArray(new Output[0]), sides, all.toArray(new Output<?>[0]),
              operatorMetrics.numRecordsOut());
        }
        operatorMetrics.gauge("currentOutputWatermark", (Gauge<Long>) ((WatermarkTracked) output)::lastEmittedWatermark);
        OperatorContext context = contexts.apply(node);
        StreamOperatorStateHandler state = new StreamOperatorStateHandler(context);
        // Created tail first; operators and stateHandlers are in chain order, head first.
        stateHandlers.add(0, state);
        stateOf.put(node.getId(), state);
        StreamOperator<?> operator = createOperator(node, tdd.jobGraph().userClassLoader(),
            new TaskOperatorParameters<>(context, output, state, stateKeySelectors(node.getTransformation()),
                accumulators));
        byNode.put(node.getId(), operator);
        operators.add(0, operator);
      }
    } catch (RuntimeException | Error e) {
      // The task never sees a chain it could not build: release the state created so far here.
      try {
        disposeState();
      } catch (RuntimeException d) {
        e.addSuppressed(d);
      }
      throw e;
    }
    this.inputGate = buildInputGate(tdd, shuffle);
    LocalChannel[] inputs = new LocalChannel[inputGate.numberOfChannels()];
    Arrays.setAll(inputs, inputGate::channel);
    LocalChannel[] outputs = outputLocalChannels.toArray(new LocalChannel[0]);
    metrics.countNetworkBytes(() -> networkBytes(inputs), () -> networkBytes(outputs));
    if (!tails.isEmpty()) {
      metrics.gauge("currentOutputWatermark", (Gauge<Long>) () -> lowestWatermark(tails));
    }
    ChannelQueueMetrics.register(metrics, inputs, outputs);
  }

  private static long lowestWatermark(List<WatermarkTracked> outputs) {
    long lowest = Long.MAX_VALUE;
    for (WatermarkTracked output : outputs) {
      lowest = Math.min(lowest, output.lastEmittedWatermark());
    }
    return lowest;
  }

  private static long networkBytes(LocalChannel[] channels) {
    long bytes = 0;
    for (LocalChannel channel : channels) {
      bytes += channel.networkBytes();
    }
    return bytes;
  }

  /**
   * Creates the operator of {@code node} with this subtask's copy of its factory, and checks that it
   * takes the node's inputs: one or two inputs, or any number for a multiple-input operator.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamOperator<?> createOperator(StreamNode node, ClassLoader userClassLoader,
      StreamOperatorParameters<?> parameters) {
    StreamOperatorFactory factory = node.createOperatorFactory(userClassLoader);
    StreamOperator<?> operator = factory.createStreamOperator(parameters);
    Transformation<?> t = node.getTransformation();
    Class<?> kind = t instanceof MultipleInputTransformation<?> ? MultipleInputStreamOperator.class
        : t.getInputs().size() == 2 ? TwoInputStreamOperator.class
        : t.getInputs().size() == 1 ? OneInputStreamOperator.class : StreamOperator.class;
    if (!kind.isInstance(operator)) {
      throw new IllegalStateException("The factory of operator '" + node.getName() + "' created "
          + (operator == null ? "no operator" : "a " + operator.getClass().getName())
          + ", not a " + kind.getSimpleName());
    }
    return operator;
  }

  /**
   * The output that calls {@code target} directly. An operator of the SPI on a keyed stream gets a
   * keyed variant that makes each record's key the current key first; the runtime's own operators
   * take their keys themselves (see {@link io.spate.runtime.operators.KeyedInput}).
   */
  @SuppressWarnings("unchecked")
  private static Output<Object> chainingOutput(OneInputStreamOperator<Object, ?> target, StreamNode node,
      StreamOperatorStateHandler state, SimpleCounter targetRecordsIn) {
    List<KeySelector<?, ?>> selectors = stateKeySelectors(node.getTransformation());
    KeySelector<?, ?> selector = selectors.isEmpty() ? null : selectors.get(0);
    if (selector != null && !(target instanceof KeyedInput)) {
      return new KeyedChainingOutput<>(target, (KeySelector<Object, ?>) selector, state.getKeyedStateBackend(),
          targetRecordsIn);
    }
    return new ChainingOutput<>(target, targetRecordsIn);
  }

  private static List<KeySelector<?, ?>> stateKeySelectors(Transformation<?> transformation) {
    return transformation instanceof PhysicalTransformation<?> physical ? physical.getStateKeySelectors() : List.of();
  }

  private InputGate buildInputGate(TaskDeploymentDescriptor tdd, ShuffleEnvironment shuffle) {
    List<LocalChannel> channels = new ArrayList<>();
    List<Integer> inputIndex = new ArrayList<>();
    for (JobEdge edge : tdd.vertex().getInputs()) {
      for (int producer : edge.producersOf(tdd.subtaskIndex())) {
        ChannelId id = new ChannelId(tdd.attemptId().jobId(), tdd.attemptId().attemptNumber(), edge.id(), producer,
            tdd.subtaskIndex());
        channels.add(shuffle.consumerEnd(id, tdd.locationOf(edge.source().getId(), producer),
            () -> serializerOf(edge.streamEdge())));
        inputChannels.add(id);
        inputIndex.add(edge.streamEdge().targetInputIndex());
        channelEdges.add(edge.streamEdge());
      }
    }
    return new InputGate(channels.toArray(new LocalChannel[0]), inputIndex.stream().mapToInt(i -> i).toArray());
  }

  /** The serializer of the records on {@code edge}, for channels that cross the network. */
  private static TypeSerializer<?> serializerOf(StreamEdge edge) {
    try {
      return edge.recordType().createSerializer();
    } catch (RuntimeException e) {
      throw new IllegalStateException("The records of edge " + edge + " (type " + edge.recordType()
          + ") have no serializer, so they cannot cross the network to a subtask on another TaskExecutor: " + e, e);
    }
  }

  /**
   * The task ended without finishing its channels (cancelled or failed): tell the shuffle, so that
   * network channels stop on both sides.
   */
  void abandonChannels(ShuffleEnvironment shuffle) {
    for (ChannelId id : outputChannels) {
      shuffle.abandon(id, true);
    }
    for (ChannelId id : inputChannels) {
      shuffle.abandon(id, false);
    }
  }

  private static StreamPartitioner partitionerFor(StreamEdge edge) {
    PartitionSpec spec = edge.partitioning();
    if (spec instanceof PartitionSpec.Forward || spec instanceof PartitionSpec.Global) {
      return new FixedChannelPartitioner();
    } else if (spec instanceof PartitionSpec.Rebalance || spec instanceof PartitionSpec.Rescale) {
      return new RoundRobinPartitioner();
    } else if (spec instanceof PartitionSpec.Shuffle) {
      return new ShufflePartitioner();
    } else if (spec instanceof PartitionSpec.Broadcast) {
      return new BroadcastPartitioner();
    } else if (spec instanceof PartitionSpec.KeyGroupHash k) {
      return new KeyGroupPartitioner(k.keySelector(), k.keyType(), edge.target().getMaxParallelism());
    } else if (spec instanceof PartitionSpec.Custom c) {
      return new CustomPartitionerWrapper(c.partitioner(), c.keySelector());
    }
    throw new IllegalStateException("Unresolved partitioning " + spec + " on " + edge);
  }

  /** The operators, head first. */
  List<StreamOperator<?>> operators() {
    return operators;
  }

  /**
   * Closes every operator, then releases their state; returns the first failure, the others
   * suppressed in it (where it allows), or null.
   */
  Throwable closeOperators() {
    Throwable first = null;
    for (StreamOperator<?> operator : operators) {
      try {
        operator.close();
      } catch (Throwable t) {
        OperatorFailure failure = OperatorFailure.wrap(operator.getName(), t);
        if (first == null) {
          first = failure;
        } else {
          first.addSuppressed(failure);
        }
      }
    }
    try {
      disposeState();
    } catch (Throwable t) {
      if (first == null) {
        first = t;
      } else {
        first.addSuppressed(t);
      }
    }
    return first;
  }

  /** Releases the state of every operator; called once the operators are closed. */
  void disposeState() {
    RuntimeException first = null;
    for (StreamOperatorStateHandler state : stateHandlers) {
      try {
        state.dispose();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The state of each operator, in the order of {@link #operators()}. */
  List<StreamOperatorStateHandler> stateHandlers() {
    return stateHandlers;
  }

  /**
   * What sets each record's key before the head operator gets it, for a head operator of the SPI on
   * a keyed stream; null otherwise (the runtime's own operators take their keys themselves).
   */
  CurrentKeySetter headKeySetter() {
    if (head() instanceof KeyedInput) {
      return null;
    }
    List<KeySelector<?, ?>> selectors = stateKeySelectors(headNode.getTransformation());
    if (selectors.stream().allMatch(java.util.Objects::isNull)) {
      return null;
    }
    return new CurrentKeySetter(selectors, stateHandlers.get(0).getKeyedStateBackend());
  }

  /** The head operator. */
  StreamOperator<?> head() {
    return operators.get(0);
  }

  /** The network writers. */
  RecordWriter[] writers() {
    return writers.toArray(new RecordWriter[0]);
  }

  /** The stream edge of each input channel, by channel index. */
  List<StreamEdge> channelEdges() {
    return channelEdges;
  }

  /** The network inputs (no channels for a source task). */
  InputGate inputGate() {
    return inputGate;
  }
}
