package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.dag.SinkTransformation;

/**
 * The end of a stream in a sink, whose settings can still be changed.
 *
 * @param <T> the record type
 */
@Public
public class DataStreamSink<T> {

  private final SinkTransformation<T> transformation;

  /** Wraps {@code transformation}. */
  @Internal
  public DataStreamSink(SinkTransformation<T> transformation) {
    this.transformation = transformation;
  }

  /** The sink's transformation. */
  @Internal
  public SinkTransformation<T> getTransformation() {
    return transformation;
  }

  /** Names the sink. */
  public DataStreamSink<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  /** Gives the sink a stable id. */
  public DataStreamSink<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  /** Sets the sink's parallelism. */
  public DataStreamSink<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Puts the sink in a slot sharing group. */
  public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
    transformation.setSlotSharingGroup(slotSharingGroup);
    return this;
  }

  /**
   * Puts the sink in the slot sharing group named {@code slotSharingGroup.getName()}; the group's
   * resources are recorded with the environment (Spate's slots are not sized by them), and declaring
   * other resources for a name that has some is an error.
   */
  public DataStreamSink<T> slotSharingGroup(io.spate.api.operators.SlotSharingGroup slotSharingGroup) {
    java.util.Objects.requireNonNull(slotSharingGroup, "slotSharingGroup: the slot sharing group must not be null.");
    if (environment != null) {
      environment.declareSlotSharingGroup(slotSharingGroup, "sink " + transformation.describe());
    }
    return slotSharingGroup(slotSharingGroup.getName());
  }

  private StreamExecutionEnvironment environment;

  /** Remembers the environment the sink belongs to, where slot sharing groups are recorded. */
  DataStreamSink<T> inEnvironment(StreamExecutionEnvironment environment) {
    this.environment = environment;
    return this;
  }

  /** Keeps the sink out of any chain. */
  public DataStreamSink<T> disableChaining() {
    transformation.setChainingStrategy(ChainingStrategy.NEVER);
    return this;
  }

  // ---------------------------------------------------------------- Flink's further sink settings

  /**
   * Gives the sink the id {@code uidHash} (32 hex digits) under which its state is kept in
   * checkpoints and savepoints, in place of the one derived from its uid.
   */
  public DataStreamSink<T> setUidHash(String uidHash) {
    transformation.setUidHash(uidHash);
    return this;
  }

  /** Sets the sink's max parallelism: the number of key groups its state can be rescaled to. */
  public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
    transformation.setMaxParallelism(maxParallelism);
    return this;
  }

  /** Describes the sink in more words than its name; shown with it in plans and the web UI. */
  public DataStreamSink<T> setDescription(String description) {
    transformation.setDescription(description);
    return this;
  }
}
