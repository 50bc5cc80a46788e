/**
 * The control plane's RPC abstraction: endpoints, gateways and the in-process RPC service, with
 * serialization of what crosses it. Internal, like all of spate-runtime except {@code
 * io.spate.testing}.
 */
package io.spate.runtime.rpc;
