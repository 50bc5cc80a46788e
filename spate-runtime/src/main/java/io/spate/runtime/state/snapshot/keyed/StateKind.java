package io.spate.runtime.state.snapshot.keyed;

import io.spate.api.state.StateDescriptor;

/** What a named piece of keyed state in a snapshot is: a kind of user state, or a queue of timers. */
public enum StateKind {
  /** Value state. */
  VALUE,
  /** List state. */
  LIST,
  /** Map state. */
  MAP,
  /** Reducing state. */
  REDUCING,
  /** Aggregating state. */
  AGGREGATING,
  /** Event-time timers of one timer service. */
  EVENT_TIMERS,
  /** Processing-time timers of one timer service. */
  PROCESSING_TIMERS;

  /** The kind of the state a descriptor of {@code type} describes. */
  public static StateKind of(StateDescriptor.Type type) {
    return switch (type) {
      case VALUE -> VALUE;
      case LIST -> LIST;
      case MAP -> MAP;
      case REDUCING -> REDUCING;
      case AGGREGATING -> AGGREGATING;
    };
  }

  /** Whether this is a queue of timers. */
  public boolean isTimers() {
    return this == EVENT_TIMERS || this == PROCESSING_TIMERS;
  }
}
