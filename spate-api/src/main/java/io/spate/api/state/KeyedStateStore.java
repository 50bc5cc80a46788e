package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;

/** Where functions get keyed state: one instance of each state per key (and window). */
@PublicEvolving
public interface KeyedStateStore {

  /** The value state described by {@code descriptor}. */
  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  /** The list state described by {@code descriptor}. */
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  /** The reducing state described by {@code descriptor}. */
  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  /** The aggregating state described by {@code descriptor}. */
  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

  /** The map state described by {@code descriptor}. */
  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);
}
