package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import java.util.Set;

/**
 * The state of one parallel instance of an operator that is not bound to a key: lists that are split
 * or unioned among the instances when the parallelism changes, and broadcast maps that every
 * instance holds in full.
 */
@PublicEvolving
public interface OperatorStateStore {

  /**
   * A list whose elements are divided evenly among the parallel instances on restore (each instance
   * gets a contiguous share of the concatenation of all instances' lists).
   */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) throws Exception;

  /** A list of which every parallel instance gets all elements of all instances on restore. */
  <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) throws Exception;

  /** A map that every parallel instance holds in full and restores in full. */
  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception;

  /** The names of the registered list states. */
  Set<String> getRegisteredStateNames();

  /** The names of the registered broadcast states. */
  Set<String> getRegisteredBroadcastStateNames();
}
