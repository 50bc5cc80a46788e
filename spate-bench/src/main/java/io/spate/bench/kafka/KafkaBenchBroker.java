package io.spate.bench.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The Kafka benchmark's broker: a real single-node KRaft cluster (broker and controller combined)
 * on a loopback port, in a JVM of its own so that its work is not counted in either engine's
 * process. It writes its bootstrap address to the file named by its one argument once it is ready,
 * and shuts down when its standard input ends, which happens when the harness closes it or dies.
 */
public final class KafkaBenchBroker {

  private KafkaBenchBroker() {}

  /** Runs the broker until standard input ends; the argument is the file to write the bootstrap address to. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KafkaBenchBroker BOOTSTRAP_FILE");
      System.exit(2);
    }
    Path bootstrapFile = Path.of(args[0]);
    KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
    // one broker: the internal topics can have only one replica
    builder.setConfigProp("offsets.topic.replication.factor", "1");
    builder.setConfigProp("offsets.topic.num.partitions", "1");
    builder.setConfigProp("transaction.state.log.replication.factor", "1");
    builder.setConfigProp("transaction.state.log.min.isr", "1");
    builder.setConfigProp("transaction.state.log.num.partitions", "1");
    builder.setConfigProp("group.initial.rebalance.delay.ms", "0");
    builder.setConfigProp("auto.create.topics.enable", "false");
    try (KafkaClusterTestKit cluster = builder.build()) {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      // written whole and then moved, so that the harness never reads half an address
      Path partial = bootstrapFile.resolveSibling(bootstrapFile.getFileName() + ".partial");
      Files.writeString(partial, cluster.bootstrapServers());
      Files.move(partial, bootstrapFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("Kafka broker ready at " + cluster.bootstrapServers());
      waitForEndOfInput(System.in);
      System.out.println("Kafka broker stopping");
    }
    System.exit(0);
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the harness writes nothing: only the end of the stream matters
      }
    } catch (IOException e) {
      // a broken pipe is an end too
    }
  }
}
