package io.spate.api.datastream;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.dag.Transformation;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * A stream sent to every parallel instance of the operator it is connected to, together with the
 * broadcast states that operator keeps; made by {@link DataStream#broadcast(MapStateDescriptor[])}.
 *
 * @param <T> the record type
 */
@PublicEvolving
public final class BroadcastStream<T> {

  private final StreamExecutionEnvironment environment;
  private final DataStream<T> broadcastInput;
  private final List<MapStateDescriptor<?, ?>> descriptors;

  BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> broadcastInput,
      List<MapStateDescriptor<?, ?>> descriptors) {
    this.environment = environment;
    this.broadcastInput = broadcastInput;
    this.descriptors = descriptors;
  }

  /** The record type. */
  public TypeInformation<T> getType() {
    return broadcastInput.getType();
  }

  /** The environment of this stream. */
  public StreamExecutionEnvironment getEnvironment() {
    return environment;
  }

  /** The broadcast-partitioned input. */
  @Internal
  public Transformation<T> getTransformation() {
    return broadcastInput.getTransformation();
  }

  /** The descriptors of the broadcast states, in declaration order. */
  public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
    return descriptors;
  }

  // ---------------------------------------------------------------- Flink's further members

  /**
   * {@code f} itself, once checked to be serializable, as every parallel instance runs its own copy
   * of a function.
   *
   * @throws InvalidProgramException if {@code f} cannot be serialized, naming the offending class
   */
  public <F> F clean(F f) {
    if (f == null) {
      return null;
    }
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
      out.writeObject(f);
    } catch (java.io.IOException e) {
      throw new InvalidProgramException("The function " + f.getClass().getName() + " is not serializable ("
          + e + "); every parallel instance runs its own copy of it, so it and everything it refers to must be"
          + " serializable.", e);
    }
    return f;
  }
}
