/**
 * The network data plane between TaskManager processes: {@link
 * io.spate.runtime.network.remote.RemoteShuffleService} connects the {@link
 * io.spate.runtime.network.LocalChannel}s of producing and consuming tasks in different processes
 * over Netty, with credit-based flow control per channel. See {@code docs/network.md}.
 * Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.network.remote;
