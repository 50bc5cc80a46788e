package io.spate.runtime.state.snapshot;

import java.io.IOException;
import java.util.Map;

/**
 * The snapshot of the operator state of one operator instance: for each named state, how it is
 * redistributed on restore and the stream offset of each of its elements (broadcast maps: of each
 * entry), so that a restore can split or union the elements without reading the others.
 *
 * @param states the states by name
 * @param delegate the bytes
 */
public record OperatorStateHandle(Map<String, StateMetaInfo> states, StreamStateHandle delegate)
    implements java.io.Serializable {

  /** How a state's elements are handed out when restoring at some parallelism. */
  public enum Mode {
    /** Elements of all instances are concatenated and divided evenly. */
    SPLIT_DISTRIBUTE,
    /** Every instance gets every element of every instance. */
    UNION,
    /** Every instance held the same map; each new instance gets one copy. */
    BROADCAST
  }

  /**
   * Where one state's elements are.
   *
   * @param mode how they are redistributed
   * @param offsets the stream offset of each element
   */
  public record StateMetaInfo(Mode mode, long[] offsets) implements java.io.Serializable {}

  /** The size of the snapshot in bytes. */
  public long getStateSize() {
    return delegate.getStateSize();
  }

  /** Deletes what the snapshot stored. */
  public void discardState() throws IOException {
    delegate.discardState();
  }
}
