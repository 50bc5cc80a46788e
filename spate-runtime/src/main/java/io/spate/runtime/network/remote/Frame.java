package io.spate.runtime.network.remote;

import io.spate.runtime.network.ChannelId;
import io.netty.buffer.ByteBuf;

/**
 * One decoded frame: its type, the channel it belongs to (null for connection-wide frames) and its
 * payload, which the receiver of the frame must release.
 */
record Frame(FrameType type, ChannelId channel, ByteBuf payload) {}
