package io.spate.runtime.network;

/**
 * The network inputs of one consuming subtask: its channels from every producer of every input
 * edge, with the operator input (0 or 1) each channel feeds.
 */
public final class InputGate {

  private final LocalChannel[] channels;
  private final int[] inputIndex;

  /** Creates the gate; {@code inputIndex[i]} is the operator input of {@code channels[i]}. */
  public InputGate(LocalChannel[] channels, int[] inputIndex) {
    this.channels = channels;
    this.inputIndex = inputIndex;
  }

  /** The number of channels. */
  public int numberOfChannels() {
    return channels.length;
  }

  /** The channel at {@code index}. */
  public LocalChannel channel(int index) {
    return channels[index];
  }

  /** The operator input that channel {@code index} feeds. */
  public int inputIndexOf(int index) {
    return inputIndex[index];
  }
}
