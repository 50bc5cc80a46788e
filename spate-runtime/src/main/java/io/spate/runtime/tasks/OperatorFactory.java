package io.spate.runtime.tasks;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.source.Source;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.dag.OneInputTransformation;
import io.spate.api.dag.OperatorSpec;
import io.spate.api.dag.SinkTransformation;
import io.spate.api.dag.SourceTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.dag.TwoInputTransformation;
import io.spate.api.functions.BroadcastProcessFunction;
import io.spate.api.functions.KeyedBroadcastProcessFunction;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.ProcessJoinFunction;
import io.spate.api.functions.ReduceFunction;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.operators.BatchKeyedReduceOperator;
import io.spate.runtime.operators.BroadcastProcessOperator;
import io.spate.runtime.operators.CoFlatMapOperator;
import io.spate.runtime.operators.CoMapOperator;
import io.spate.runtime.operators.CoProcessOperator;
import io.spate.runtime.operators.IntervalJoinOperator;
import io.spate.runtime.operators.KeyedBroadcastProcessOperator;
import io.spate.runtime.operators.KeyedCoProcessOperator;
import io.spate.runtime.operators.KeyedProcessOperator;
import io.spate.runtime.operators.KeyedReduceOperator;
import io.spate.runtime.operators.AbstractStreamOperator;
import io.spate.runtime.operators.ProcessOperator;
import io.spate.runtime.operators.SinkWriterOperator;
import io.spate.api.dag.MultipleInputTransformation;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.runtime.operators.TimestampsAndWatermarksOperator;
import io.spate.runtime.operators.async.AsyncWaitOperator;
import io.spate.runtime.operators.windowing.WindowOperators;
import io.spate.runtime.rpc.ClusterObjectFilter;
import io.spate.runtime.source.SourceOperator;

/**
 * Creates the operator that runs a stream node, per the job's runtime mode, with this subtask's own
 * copy of the user code, and sets it up.
 */
final class OperatorFactory {

  private OperatorFactory() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static StreamOperator<?> create(StreamNode node, RuntimeExecutionMode mode, ClassLoader userClassLoader,
      StreamOperatorParameters<?> parameters) {
    Object[] code = node.getUserCode().copy(userClassLoader,
        ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE).withUserClassLoader(userClassLoader));
    if (code.length > 1 && code[1] instanceof StreamOperatorFactory<?> factory) {
      StreamOperator<?> operator = factory.createStreamOperator((StreamOperatorParameters) parameters);
      Transformation<?> t = node.getTransformation();
      Class<?> kind = t instanceof MultipleInputTransformation<?> ? MultipleInputStreamOperator.class
          : t instanceof TwoInputTransformation<?, ?, ?> ? TwoInputStreamOperator.class : OneInputStreamOperator.class;
      if (!kind.isInstance(operator)) {
        throw new IllegalStateException("The factory of operator '" + node.getName() + "' created "
            + (operator == null ? "no operator" : "a " + operator.getClass().getName())
            + ", not a " + kind.getSimpleName());
      }
      return operator;
    }
    StreamOperator operator = create(node, mode, code);
    operator.setup(parameters);
    return operator;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamOperator<?> create(StreamNode node, RuntimeExecutionMode mode, Object[] code) {
    Transformation<?> t = node.getTransformation();
    if (t instanceof SourceTransformation<?>) {
      return new SourceOperator((Source) code[0], (WatermarkStrategy) code[1]);
    }
    if (t instanceof SinkTransformation<?>) {
      return new SinkWriterOperator((Sink) code[0]);
    }
    if (t instanceof OneInputTransformation<?, ?> one) {
      OperatorSpec spec = (OperatorSpec) code[0];
      AbstractStreamOperator<?> plain = null;
      if (spec instanceof OperatorSpec.Process p) {
        plain = new ProcessOperator((ProcessFunction) p.function());
      }
      if (plain != null) {
        if (one.getStateKeySelector() != null) {
          plain.setStateKeySelector(one.getStateKeySelector()); // a function applied after keyBy
        }
        return plain;
      }
      if (spec instanceof OperatorSpec.KeyedProcess p) {
        return new KeyedProcessOperator((KeyedProcessFunction) p.function(), one.getStateKeySelector());
      } else if (spec instanceof OperatorSpec.KeyedReduce r) {
        return mode == RuntimeExecutionMode.BATCH
            ? new BatchKeyedReduceOperator((ReduceFunction) r.function(), one.getStateKeySelector())
            : new KeyedReduceOperator((ReduceFunction) r.function(), one.getStateKeySelector(), one.getOutputType());
      } else if (spec instanceof OperatorSpec.Windowed w) {
        return WindowOperators.create(w, one.getStateKeySelector(), one.getInput().getOutputType());
      } else if (spec instanceof OperatorSpec.TimestampsAndWatermarks w) {
        return new TimestampsAndWatermarksOperator(w.strategy());
      } else if (spec instanceof OperatorSpec.AsyncWait a) {
        return new AsyncWaitOperator(a.function(), a.ordered(), a.timeout().toMillis(), a.capacity(), a.retryStrategy(),
            one.getInput().getOutputType());
      }
    }
    if (t instanceof TwoInputTransformation<?, ?, ?> two) {
      OperatorSpec spec = (OperatorSpec) code[0];
      if (spec instanceof OperatorSpec.CoMap m) {
        return new CoMapOperator(m.function());
      } else if (spec instanceof OperatorSpec.CoFlatMap f) {
        return new CoFlatMapOperator(f.function());
      } else if (spec instanceof OperatorSpec.CoProcess p) {
        return new CoProcessOperator((io.spate.api.functions.CoProcessFunction) p.function(),
            two.getStateKeySelector1(), two.getStateKeySelector2());
      } else if (spec instanceof OperatorSpec.KeyedCoProcess p) {
        return new KeyedCoProcessOperator((KeyedCoProcessFunction) p.function(),
            two.getStateKeySelector1(), two.getStateKeySelector2());
      } else if (spec instanceof OperatorSpec.IntervalJoin j) {
        return new IntervalJoinOperator((ProcessJoinFunction) j.function(), two.getStateKeySelector1(),
            two.getStateKeySelector2(), j.lowerBound(), j.upperBound(), j.leftLateDataTag(), j.rightLateDataTag(),
            two.getInput1().getOutputType(), two.getInput2().getOutputType());
      } else if (spec instanceof OperatorSpec.BroadcastProcess b) {
        return new BroadcastProcessOperator((BroadcastProcessFunction) b.function(), b.descriptors());
      } else if (spec instanceof OperatorSpec.KeyedBroadcastProcess b) {
        return new KeyedBroadcastProcessOperator((KeyedBroadcastProcessFunction) b.function(),
            two.getStateKeySelector1(), b.descriptors());
      }
    }
    throw new IllegalStateException("No operator for " + t);
  }
}
