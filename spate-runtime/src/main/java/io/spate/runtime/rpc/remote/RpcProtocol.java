package io.spate.runtime.rpc.remote;

import io.spate.runtime.SpateVersion;
import io.spate.runtime.rpc.remote.proto.Hello;

/**
 * The version of Spate's RPC wire format. Both sides of a connection send it first; processes of
 * different versions refuse each other with a message naming both versions.
 */
public final class RpcProtocol {

  /** The wire format version this build speaks; raise it whenever spate_rpc.proto or its use changes. */
  public static final int VERSION = 2;

  private RpcProtocol() {}

  /** The first frame of a connection, announcing {@code protocolVersion} and this build. */
  static Hello hello(int protocolVersion) {
    return Hello.newBuilder().setProtocolVersion(protocolVersion).setSpateVersion(SpateVersion.get()).build();
  }

  /** The plane label of RPC proofs of the cluster secret. */
  static final String PLANE = "spate-rpc-v2";
  static final String CONNECTING = "connecting";
  static final String ACCEPTING = "accepting";

  /** The message of a version mismatch, as the caller reports it. */
  static String mismatch(String peer, Hello theirs, int ours) {
    return "The process at " + peer + " speaks Spate RPC protocol " + theirs.getProtocolVersion()
        + ", this process " + ours + " (Spate " + theirs.getSpateVersion() + " there, " + SpateVersion.get()
        + " here); run the same Spate version on every process of a cluster and its clients.";
  }
}
