package io.spate.cli;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.cli.rest.RestClusterClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the commands that talk to a running cluster: its address and the output format. */
final class ClusterOptions {

  /** How a command prints its answer. */
  enum Output { TEXT, JSON }

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(names = {"-m", "--jobmanager"}, paramLabel = "<host:port>",
      description = "Address of the REST API (default: rest.address:rest.port, 127.0.0.1:8081).")
  private String address;

  @Option(names = "--output", paramLabel = "text|json", converter = OutputConverter.class,
      description = "text (default) or json, for scripts.")
  Output output = Output.TEXT;

  /** The client of the REST API at the address given, or the default one. */
  RestClusterClient client() {
    Configuration defaults = new Configuration();
    if (address == null) {
      return new RestClusterClient(defaults.get(RestOptions.ADDRESS), defaults.get(RestOptions.PORT));
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
    return new RestClusterClient(host, port);
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
