import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.TopicPartition;

/** Two consumers (one per thread, two partitions each) read bench-input to its end offsets; prints wall time and CPU. */
public class RawRead {
  public static void main(String[] a) throws Exception {
    String servers = a[0];
    Properties base = new Properties();
    base.setProperty("bootstrap.servers", servers);
    base.setProperty("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    base.setProperty("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    base.setProperty("enable.auto.commit", "false");
    base.setProperty("auto.offset.reset", "earliest");
    for (int i = 1; i < a.length; i++) { String[] kv = a[i].split("=", 2); base.setProperty(kv[0], kv[1]); }
    AtomicLong total = new AtomicLong(); AtomicLong polls = new AtomicLong();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime(); long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      int sub = s;
      Thread t = new Thread(() -> {
        Properties p = (Properties) base.clone(); p.setProperty("client.id", "raw-" + sub);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
          List<TopicPartition> tps = List.of(new TopicPartition("bench-input", sub), new TopicPartition("bench-input", sub + 2));
          c.assign(tps); c.seekToBeginning(tps);
          Map<TopicPartition, Long> end = c.endOffsets(tps);
          long want = end.values().stream().mapToLong(Long::longValue).sum();
          long n = 0; long sink = 0;
          while (n < want) { ConsumerRecords<byte[], byte[]> r = c.poll(Duration.ofSeconds(1)); polls.incrementAndGet();
            for (ConsumerRecord<byte[], byte[]> rec : r) { n++; sink += rec.value().length; } }
          total.addAndGet(n);
        }
      });
      threads.add(t); t.start();
    }
    for (Thread t : threads) t.join();
    double s = (System.nanoTime() - t0) / 1e9; double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "%s %s: %d records in %.2f s = %.0f K/s, cpu %.2f s, polls %d, props %s%n",
        org.apache.kafka.common.utils.AppInfoParser.getVersion(), String.join(" ", Arrays.copyOfRange(a, 1, a.length)), total.get(), s, total.get() / s / 1000, cpu, polls.get(), "");
  }
}
