package io.spate.runtime.partition;

/**
 * Picks the output channel of each record on one edge of one producing subtask. Channels are the
 * consumers this subtask is connected to, numbered from 0.
 */
public interface StreamPartitioner {

  /** Prepares for {@code numberOfChannels} channels; called once before the first record. */
  void setup(int numberOfChannels);

  /** The channel of {@code record}. */
  int selectChannel(Object record) throws Exception;

  /** Whether every record goes to every channel (then {@link #selectChannel} is not called). */
  default boolean isBroadcast() {
    return false;
  }
}
