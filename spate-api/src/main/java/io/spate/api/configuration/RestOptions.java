package io.spate.api.configuration;

/** Options of the REST API that a cluster serves and the CLI talks to. */
public final class RestOptions {

  private RestOptions() {}

  /** The address the REST server listens on and clients connect to. */
  public static final ConfigOption<String> ADDRESS = ConfigOption.key("rest.address")
      .stringType().defaultValue("127.0.0.1")
      .withDescription("Host name or IP address of the REST API: the server listens on it and the CLI connects to it"
          + " (the CLI's -m <host:port> overrides it). The default keeps the API on the loopback interface.");

  /** The port clients connect to. */
  public static final ConfigOption<Integer> PORT = ConfigOption.key("rest.port")
      .intType().defaultValue(8081)
      .withDescription("Port of the REST API that the CLI connects to, and that the server binds unless"
          + " rest.bind-port says otherwise.");

  /** The port or port range the server binds. */
  public static final ConfigOption<String> BIND_PORT = ConfigOption.key("rest.bind-port")
      .stringType().noDefaultValue()
      .withDescription("Port (8081), range (8081-8090) or list (8081,8085) the REST server binds, the first free"
          + " one winning; 0 takes any free port. Unset: rest.port.");

  /** Whether an embedded local cluster serves the REST API. */
  public static final ConfigOption<Boolean> LOCAL_ENABLED = ConfigOption.key("rest.local.enabled")
      .booleanType().defaultValue(false)
      .withDescription("Whether the embedded cluster of a local job serves the REST API, as it does when the job"
          + " runs under 'spate run'; embedded clusters inside programs and tests do not by default.");

  /** The largest request body the server accepts. */
  public static final ConfigOption<MemorySize> MAX_REQUEST_SIZE = ConfigOption.key("rest.server.max-content-length")
      .memoryType().defaultValue(MemorySize.parse("100mb"))
      .withDescription("Largest request body the REST server accepts; larger requests get 413.");
}
