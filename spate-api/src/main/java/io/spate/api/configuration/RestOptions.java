package io.spate.api.configuration;

import io.spate.api.annotation.Internal;

/** Options of the REST API that a cluster serves and the CLI talks to. */
@Internal
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
      .withDescription("Largest request body the REST server accepts; larger requests get 413. A body up to four"
          + " times this size is read to its end before the answer, so that a client still sending it receives the"
          + " 413 rather than a reset connection; a larger one is cut off, and a client that sends 'Expect:"
          + " 100-continue' is refused before it sends any.");

  /** How the REST API authenticates clients. */
  public static final ConfigOption<String> AUTHENTICATION_TYPE = ConfigOption.key("rest.authentication.type")
      .stringType().defaultValue("none")
      .withDescription("How the REST API authenticates requests: none, bearer (an 'Authorization: Bearer <token>'"
          + " header with rest.authentication.token) or basic (HTTP basic with rest.authentication.username and"
          + " .password). With authentication on, every endpoint but GET /health answers 401 without the credentials;"
          + " the CLI sends them from the same options (or --token).");

  /** The bearer token of the REST API. */
  public static final ConfigOption<String> AUTHENTICATION_TOKEN = ConfigOption.key("rest.authentication.token")
      .stringType().noDefaultValue().secret()
      .withDescription("The token clients present as 'Authorization: Bearer <token>' when rest.authentication.type"
          + " is bearer.");

  /** The user name of basic authentication. */
  public static final ConfigOption<String> AUTHENTICATION_USERNAME = ConfigOption.key("rest.authentication.username")
      .stringType().noDefaultValue()
      .withDescription("The user name of HTTP basic authentication when rest.authentication.type is basic.");

  /** The password of basic authentication. */
  public static final ConfigOption<String> AUTHENTICATION_PASSWORD = ConfigOption.key("rest.authentication.password")
      .stringType().noDefaultValue().secret()
      .withDescription("The password of HTTP basic authentication when rest.authentication.type is basic.");

  /** How many failures a job's exception history keeps. */
  public static final ConfigOption<Integer> EXCEPTION_HISTORY_SIZE = ConfigOption.key("rest.exception-history-size")
      .intType().defaultValue(16)
      .withDescription("How many failures of a job GET /jobs/{jobid}/exceptions reports, newest first; older ones"
          + " are forgotten.");

  /** Whether the REST API samples flame graphs of job vertices. */
  public static final ConfigOption<Boolean> FLAMEGRAPH_ENABLED = ConfigOption.key("rest.flamegraph.enabled")
      .booleanType().defaultValue(false)
      .withDescription("Whether GET /jobs/{jobid}/vertices/{vertexid}/flamegraph samples the stacks of the worker"
          + " threads while they run the vertex's subtasks; off by default, as in Flink, since sampling costs the"
          + " TaskManagers some time.");

  /** How many stack samples one flame graph takes. */
  public static final ConfigOption<Integer> FLAMEGRAPH_NUM_SAMPLES = ConfigOption.key("rest.flamegraph.num-samples")
      .intType().defaultValue(100)
      .withDescription("How many times a flame graph samples each worker thread of each TaskManager.");

  /** How long a sampled flame graph answers requests before the next request samples again. */
  public static final ConfigOption<java.time.Duration> FLAMEGRAPH_REFRESH_INTERVAL = ConfigOption
      .key("rest.flamegraph.refresh-interval")
      .durationType().defaultValue(java.time.Duration.ofMinutes(1))
      .withDescription("How long a sampled flame graph of a vertex (of one type) answers the requests for it; the"
          + " first request after that samples again.");

  /** After how long without a request a sampled flame graph is dropped. */
  public static final ConfigOption<java.time.Duration> FLAMEGRAPH_CLEANUP_INTERVAL = ConfigOption
      .key("rest.flamegraph.cleanup-interval")
      .durationType().defaultValue(java.time.Duration.ofMinutes(10))
      .withDescription("After how long without a request the REST server drops a flame graph it sampled.");

  /** The time between two samples of a flame graph. */
  public static final ConfigOption<java.time.Duration> FLAMEGRAPH_DELAY = ConfigOption
      .key("rest.flamegraph.delay-between-samples")
      .durationType().defaultValue(java.time.Duration.ofMillis(50))
      .withDescription("The time between two stack samples of a flame graph.");

  /** How many frames of a sampled stack a flame graph keeps. */
  public static final ConfigOption<Integer> FLAMEGRAPH_STACK_DEPTH = ConfigOption.key("rest.flamegraph.stack-depth")
      .intType().defaultValue(100)
      .withDescription("How many of the innermost frames of each sampled stack a flame graph keeps.");
}
