package io.spate.cli;

import io.spate.runtime.highavailability.HighAvailabilityOptions;
import java.io.IOException;
import java.net.URI;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.cli.rest.RestClusterClient;
import io.spate.runtime.security.TlsSettings;
import io.spate.runtime.config.ClusterConfigFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that talk to a running cluster: its address, its credentials and the
 * output format.
 */
final class ClusterOptions {

  /** How a command prints its answer. */
  enum Output { TEXT, JSON }

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
      description = "Address of the REST API (default: the leader's, looked up in ZooKeeper with -D"
          + " high-availability.type=zookeeper -D high-availability.zookeeper.quorum=<host:port>, else"
          + " rest.address:rest.port, 127.0.0.1:8081; each read from conf/spate.yaml, then -D).")
  private String address;

  @Option(names = "--token", paramLabel = "<token>",
      description = "Bearer token of a cluster with rest.authentication.type bearer (default: -D rest.authentication.token).")
  private String token;

  @Option(names = "-D", paramLabel = "<key>=<value>", mapFallbackValue = "",
      description = "A configuration option, such as -D rest.authentication.type=basic"
          + " -D rest.authentication.username=<user> -D rest.authentication.password=<password>, or"
          + " -D security.ssl.rest.enabled=true -D security.ssl.rest.truststore=<file> for HTTPS.")
  private Map<String, String> settings = new LinkedHashMap<>();

  @Option(names = "--output", paramLabel = "text|json", converter = OutputConverter.class,
      description = "text (default) or json, for scripts.")
  Output output = Output.TEXT;

  /** The client of the REST API at the address given, or the default one, with the credentials given. */
  RestClusterClient client() {
    return client(spec, address, token, settings);
  }

  /**
   * The client of the REST API at {@code address} ({@code host:port}, or null for rest.address:rest.port
   * of {@code settings}) with the credentials of {@code token} or {@code settings}; errors are usage
   * errors of {@code spec}'s command.
   */
  static RestClusterClient client(CommandSpec spec, String address, String token, Map<String, String> settings) {
    ClusterOptions options = new ClusterOptions();
    options.spec = spec;
    options.address = address;
    options.token = token;
    options.settings = settings;
    return options.connect();
  }

  private RestClusterClient connect() {
    Configuration conf = configuration(settings);
    String authorization = authorization(conf);
    SSLContext ssl = ssl(conf);
    if (address == null && HighAvailabilityOptions.isZooKeeper(conf)) {
      URI leader;
      try {
        leader = LeaderLookup.restUrl(conf);
      } catch (io.spate.api.configuration.IllegalConfigurationException | IOException e) {
        throw usageError(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw usageError("Interrupted while looking up the leading JobManager in ZooKeeper");
      }
      return new RestClusterClient(leader.getHost(), leader.getPort(), authorization, ssl);
    }
    if (address == null) {
      int port;
      try {
        port = conf.get(RestOptions.PORT);
      } catch (IllegalArgumentException | io.spate.api.configuration.IllegalConfigurationException e) {
        throw usageError(e.getMessage());
      }
      if (port != 0) {
        return new RestClusterClient(conf.get(RestOptions.ADDRESS), port, authorization, ssl);
      }
      // rest.port 0: the cluster took any free port and wrote which to its address file.
      ClusterFiles files = ClusterFiles.of(conf);
      address = files.address().orElseThrow(() -> usageError(RestOptions.PORT.key() + " is 0 (any free port) and"
          + " no running cluster wrote its address to " + files.addressFile() + ": give the REST API's address"
          + " with -m <host:port>."));
    }
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw usageError("--jobmanager must be <host:port>, such as 127.0.0.1:8081, but was '" + address + "'.");
    }
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw usageError("The port in --jobmanager '" + address + "' must be a number from 1 to 65535.");
    }
    return new RestClusterClient(host, port, authorization, ssl);
  }

  /**
   * The configuration a client command uses: the cluster's own file ({@code conf/spate.yaml} under
   * Spate's directory, if present), so that it finds the cluster where the cluster runs and with its
   * credentials, with {@code settings} (-D) on top.
   */
  static Configuration configuration(Map<String, String> settings) {
    Path file = ClusterFiles.configFile(null);
    Map<String, String> values = new LinkedHashMap<>();
    if (file != null) {
      values.putAll(ClusterConfigFile.load(file, Map.of()).toMap());
    }
    values.putAll(settings);
    return Configuration.fromMap(values);
  }

  /** The SSL context of -D security.ssl.rest.*, or null for plain HTTP. */
  private SSLContext ssl(Configuration conf) {
    try {
      return TlsSettings.restClient(conf).map(TlsSettings::sslContext).orElse(null);
    } catch (io.spate.api.configuration.IllegalConfigurationException e) {
      throw usageError(e.getMessage());
    }
  }

  /** The Authorization header that {@code --token} or the rest.authentication options ask for, or null. */
  private String authorization(Configuration conf) {
    String type = conf.get(RestOptions.AUTHENTICATION_TYPE).trim().toLowerCase(Locale.ROOT);
    String bearer = token != null ? token : conf.get(RestOptions.AUTHENTICATION_TOKEN);
    if (token != null || type.equals("bearer")) {
      if (bearer == null || bearer.isEmpty()) {
        throw usageError(RestOptions.AUTHENTICATION_TYPE.key() + " is bearer, but no token is given: use --token"
            + " <token> or -D " + RestOptions.AUTHENTICATION_TOKEN.key() + "=<token>.");
      }
      return "Bearer " + bearer;
    }
    if (type.equals("basic")) {
      String user = conf.get(RestOptions.AUTHENTICATION_USERNAME);
      String password = conf.get(RestOptions.AUTHENTICATION_PASSWORD);
      if (user == null || password == null) {
        throw usageError(RestOptions.AUTHENTICATION_TYPE.key() + " is basic, but " + (user == null
            ? RestOptions.AUTHENTICATION_USERNAME.key() : RestOptions.AUTHENTICATION_PASSWORD.key())
            + " is not given; add -D <key>=<value>.");
      }
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    if (!type.equals("none")) {
      throw usageError(RestOptions.AUTHENTICATION_TYPE.key() + " is '" + type + "'; use none, bearer or basic.");
    }
    return null;
  }

  /** Checks that {@code text} is a job id (32 hexadecimal digits) and returns it in lower case. */
  String jobId(String text) {
    if (text == null || !text.matches("[0-9a-fA-F]{32}")) {
      throw usageError("'" + text + "' is not a job id: a job id is 32 hexadecimal digits, as 'spate list'"
          + " shows them.");
    }
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Parses {@code text} and {@code json} in any case. */
  static final class OutputConverter implements picocli.CommandLine.ITypeConverter<Output> {
    @Override
    public Output convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "text" -> Output.TEXT;
        case "json" -> Output.JSON;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not an output format; use text or json.");
      };
    }
  }
}
