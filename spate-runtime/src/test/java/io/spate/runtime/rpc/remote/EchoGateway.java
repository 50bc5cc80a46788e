package io.spate.runtime.rpc.remote;

import io.spate.runtime.rpc.RpcGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A small gateway for the RPC tests. */
public interface EchoGateway extends RpcGateway {

  /** Answers {@code text} with the endpoint's name appended. */
  CompletableFuture<String> echo(String text);

  /** Remembers {@code sequence} (fire-and-forget). */
  void record(int sequence);

  /** Every sequence number recorded, in the order they arrived. */
  CompletableFuture<List<Integer>> recorded();

  /** Whether every call so far ran on the endpoint's main thread. */
  CompletableFuture<Boolean> allOnMainThread();

  /** Fails with an IllegalStateException carrying {@code message}. */
  CompletableFuture<String> fail(String message);

  /** The class name of {@code value}. */
  CompletableFuture<String> describe(Object value);

  /** A java.io.File, which the cluster's filter does not allow. */
  CompletableFuture<Object> file();

  /** The length of {@code payload}. */
  CompletableFuture<Integer> size(byte[] payload);

  /** Fails with an exception of a library (gRPC's), which the caller's filter does not allow. */
  CompletableFuture<String> failWithLibraryException();

  /** Never completes. */
  CompletableFuture<String> never();
}
