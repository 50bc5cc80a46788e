package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
/**
 * Told when a remote channel fails, so that the task on that side can be failed too. The consuming
 * task also learns it from the failure marker in its inbound channel; the producing task has no
 * other way (its outbound channel just stops draining). Called on an event loop: must not block.
 */
@FunctionalInterface
public interface ChannelFailureListener {

  /**
   * Channel {@code id} failed on this process's side {@code outbound} (producer) or not (consumer).
   */
  void onChannelFailed(ChannelId id, boolean outbound, String cause);
}
