package io.spate.connectors.kafka.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka server (broker and controller in one process) on fixed loopback ports and
 * a fixed log directory, for tests that kill the broker and start it again where it was: the first
 * start formats the directory, a later one finds it formatted and keeps its topics and transactions.
 *
 * <p>Arguments: the broker port, the controller port and the log directory. The broker settings are
 * those of {@link KafkaTestBroker}: internal topics sized for one broker, so that transactions work,
 * and no automatic topic creation.
 */
public final class KafkaBrokerMain {

  /** The cluster id of every broker this class formats; a restart must find the same one. */
  static final String CLUSTER_ID = "c3BhdGUta2Fma2EtdGVzdA";

  private KafkaBrokerMain() {}

  /** Formats the log directory unless it already is, then runs the server until the process ends. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: KafkaBrokerMain <broker port> <controller port> <log directory>");
    }
    int brokerPort = Integer.parseInt(args[0]);
    int controllerPort = Integer.parseInt(args[1]);
    Path logDir = Path.of(args[2]).toAbsolutePath();
    Files.createDirectories(logDir);
    Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
    try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      settings(brokerPort, controllerPort, logDir).store(out, "single-node KRaft test broker");
    }
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(config);
    }
    kafka.Kafka.main(new String[] {config.toString()});
  }

  private static Properties settings(int brokerPort, int controllerPort, Path logDir) {
    Properties props = new Properties();
    props.setProperty("process.roles", "broker,controller");
    props.setProperty("node.id", "1");
    props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.setProperty("controller.listener.names", "CONTROLLER");
    props.setProperty("inter.broker.listener.name", "PLAINTEXT");
    props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.setProperty("log.dirs", logDir.toString());
    props.putAll(KafkaTestBroker.SINGLE_NODE_SETTINGS);
    return props;
  }

  private static void format(Path config) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit = kafka.tools.StorageTool.execute(new String[] {"format", "--config", config.toString(),
        "--cluster-id", CLUSTER_ID}, new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IOException("Formatting the broker's log directory with " + config + " failed (exit " + exit + "): "
          + output.toString(StandardCharsets.UTF_8));
    }
  }
}
