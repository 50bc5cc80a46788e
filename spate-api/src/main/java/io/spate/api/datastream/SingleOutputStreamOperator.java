package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.common.OutputTag;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.dag.SideOutputTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.TypeInformation;
import java.util.HashMap;
import java.util.Map;

/**
 * The stream produced by one operator, whose settings (name, uid, parallelism, chaining, output
 * type) can still be changed.
 *
 * @param <T> the record type
 */
@Public
public class SingleOutputStreamOperator<T> extends DataStream<T> {

  private final Map<String, OutputTag<?>> sideOutputTags = new HashMap<>();

  /** Wraps {@code transformation}. */
  @Internal
  public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
    super(environment, transformation);
  }

  /** Names the operator. */
  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /** Gives the operator a stable id, used to match its state when a job is restored. */
  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  /** Sets the operator's parallelism. */
  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    if (nonParallel && parallelism != 1) {
      throw new IllegalArgumentException("Operator " + transformation.describe() + " is non-parallel"
          + " (forceNonParallel() or a non-parallel source), so its parallelism must be 1, not " + parallelism + ".");
    }
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Sets the operator's max parallelism. */
  public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(maxParallelism);
    return this;
  }

  /** Puts the operator in a slot sharing group; operators of different groups never share a slot. */
  public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
    transformation.setSlotSharingGroup(slotSharingGroup);
    return this;
  }

  /**
   * Puts the operator in the slot sharing group named {@code slotSharingGroup.getName()}; the group's
   * resources are recorded with the environment (Spate's slots are not sized by them), and declaring
   * other resources for a name that has some is an error.
   */
  public SingleOutputStreamOperator<T> slotSharingGroup(io.spate.api.operators.SlotSharingGroup slotSharingGroup) {
    getExecutionEnvironment().declareSlotSharingGroup(slotSharingGroup, "operator " + transformation.describe());
    return slotSharingGroup(slotSharingGroup.getName());
  }

  /** Keeps the operator out of any chain. */
  public SingleOutputStreamOperator<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }

  /** Starts a new chain at this operator. */
  public SingleOutputStreamOperator<T> startNewChain() {
    transformation.setChainingStrategy(ChainingStrategy.HEAD);
    return this;
  }

  /** Declares the output type, for functions whose type cannot be inferred (lambdas, generics). */
  public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
    if (typeInfo == null) {
      throw new InvalidProgramException("returns: the type must not be null.");
    }
    transformation.setOutputType(typeInfo);
    return this;
  }

  /** Declares the output type with a hint: {@code .returns(new TypeHint<List<String>>(){})}. */
  public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
    return returns(TypeInformation.of(typeHint));
  }

  /** Declares the output type by class. */
  public SingleOutputStreamOperator<T> returns(Class<T> type) {
    return returns(TypeInformation.of(type));
  }

  /** The records that this operator emitted to the side output {@code tag}. */
  public <X> SideOutputDataStream<X> getSideOutput(OutputTag<X> tag) {
    OutputTag<?> previous = sideOutputTags.putIfAbsent(tag.getId(), tag);
    if (previous != null && !previous.getTypeInfo().equals(tag.getTypeInfo())) {
      throw new InvalidProgramException("The side output '" + tag.getId() + "' of operator "
          + transformation.describe() + " was requested with two types, " + previous.getTypeInfo()
          + " and " + tag.getTypeInfo() + ": use one type per tag id.");
    }
    return new SideOutputDataStream<>(environment, new SideOutputTransformation<>(environment.newId(), transformation, tag));
  }

  // ---------------------------------------------------------------- Flink's further operator settings

  private boolean nonParallel;

  /** The operator's name. */
  public String getName() {
    return transformation.getName();
  }

  /**
   * Gives the operator the id {@code uidHash} (32 hex digits) under which its state is kept in
   * checkpoints and savepoints, in place of the one derived from its uid: to restore state saved
   * under a known operator id.
   */
  public SingleOutputStreamOperator<T> setUidHash(String uidHash) {
    transformation.setUidHash(uidHash);
    return this;
  }

  /** Runs the operator as one subtask, with parallelism and max parallelism 1, which cannot be changed. */
  public SingleOutputStreamOperator<T> forceNonParallel() {
    transformation.setParallelism(1);
    transformation.setMaxParallelism(1);
    nonParallel = true;
    return this;
  }

  /**
   * How long, in milliseconds, the operator's task may hold a partly filled batch of records before
   * handing it on: -1 only hands over full batches, 0 every record at once. Overrides the job's
   * timeout ({@code StreamExecutionEnvironment.setBufferTimeout}) for this operator's output; a task
   * of several chained operators uses the smallest timeout of those whose output leaves it.
   */
  public SingleOutputStreamOperator<T> setBufferTimeout(long timeoutMillis) {
    transformation.setBufferTimeout(timeoutMillis);
    return this;
  }

  /** Describes the operator in more words than its name; shown with it in plans and the web UI. */
  public SingleOutputStreamOperator<T> setDescription(String description) {
    transformation.setDescription(description);
    return this;
  }
}
