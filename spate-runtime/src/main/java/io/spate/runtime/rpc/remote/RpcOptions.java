package io.spate.runtime.rpc.remote;

import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.MemorySize;
import java.time.Duration;

/** Options of the control plane between processes: where {@link GrpcRpcService} listens and its limits. */
public final class RpcOptions {

  /** Flink's class has a public constructor; everything here is static. */
  public RpcOptions() {}

  /** The interface the RPC server binds. */
  public static final ConfigOption<String> BIND_HOST = ConfigOption.key("rpc.bind-host")
      .stringType().defaultValue("127.0.0.1")
      .withDescription("Host name or IP address of the interface the RPC server (the control plane between cluster"
          + " processes) listens on; 0.0.0.0 listens on all. The default keeps it on the loopback interface.");

  /** The host other processes use to reach this one. */
  public static final ConfigOption<String> ADDRESS = ConfigOption.key("rpc.address")
      .stringType().noDefaultValue()
      .withDescription("Host name or IP address other processes use to reach this process's RPC server: the host"
          + " part of its endpoints' remote addresses (host:port/name). Unset: rpc.bind-host, or this machine's"
          + " host name when rpc.bind-host is a wildcard address.");

  /** The port or port range the RPC server binds. */
  public static final ConfigOption<String> PORT = ConfigOption.key("rpc.port")
      .stringType().defaultValue("0")
      .withDescription("Port (6123), range (6123-6130) or list (6123,6125) the RPC server binds, the first free one"
          + " winning; 0 takes any free port.");

  /** How long a request/response call may take before it fails. */
  public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOption.key("rpc.ask-timeout")
      .durationType().defaultValue(Duration.ofSeconds(10))
      .withDescription("How long a call to a role in another process may wait for its answer (or a fire-and-forget"
          + " call for its delivery) before it fails with an RpcException naming the address and method.");

  /** The largest message sent or accepted. */
  public static final ConfigOption<MemorySize> MAX_MESSAGE_SIZE = ConfigOption.key("rpc.max-message-size")
      .memoryType().defaultValue(MemorySize.parse("32mb"))
      .withDescription("Largest RPC message (a call with its serialized arguments, or a result) this process sends"
          + " or accepts. A larger call fails at the caller; a larger inbound message is refused and logged. It"
          + " also bounds what one Java-deserialized value may read.");

  /** The most calls awaiting an answer on one connection. */
  public static final ConfigOption<Integer> MAX_PENDING_CALLS = ConfigOption.key("rpc.max-pending-calls")
      .intType().defaultValue(10_000)
      .withDescription("Most calls to one other process that may await their answer (or delivery) at once; a call"
          + " beyond that fails at once with an RpcException.");
}
