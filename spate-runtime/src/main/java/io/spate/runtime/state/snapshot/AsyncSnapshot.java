package io.spate.runtime.state.snapshot;

/**
 * The second, asynchronous part of a snapshot: the synchronous part (on the task's thread, while no
 * record is processed) captured a consistent view of the state; this part writes it out on another
 * thread while the task goes on processing.
 *
 * @param <T> the handle it produces
 */
@FunctionalInterface
public interface AsyncSnapshot<T> {

  /** Writes the captured state and returns its handle, or null if there was no state. */
  T write() throws Exception;

  /** A snapshot that wrote nothing. */
  static <T> AsyncSnapshot<T> empty() {
    return () -> null;
  }
}
