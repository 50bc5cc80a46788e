/**
 * RPC between processes over gRPC: connections, invocation, addresses, authentication and TLS.
 * Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.rpc.remote;
