package io.spate.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of a benchmark run: the hottest methods by CPU samples (the top
 * frame, and the nearest Spate frame, which charges JDK and lambda code to the engine code that
 * called it), and the allocation samples by class and by allocating site.
 *
 * <pre>
 * java -cp spate-bench/target/spate-bench.jar io.spate.bench.JfrTop /tmp/x.jfr [rows]
 * </pre>
 *
 * <p>{@code -Djfrtop.from=HH:mm:ss.SSS -Djfrtop.to=HH:mm:ss.SSS} (local time of this machine) keep
 * only the events of that interval, and {@code -Djfrtop.threads=<regex>} only the CPU samples of the
 * threads whose names match, to look at one phase of a run.
 */
public final class JfrTop {

  private JfrTop() {}

  /** Prints the summary of the recording named by {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: JfrTop <recording.jfr> [rows]");
      System.exit(2);
    }
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Long> selfFrames = new HashMap<>();
    Map<String, Long> spateFrames = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> allocClasses = new HashMap<>();
    Map<String, Long> allocSites = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    java.time.LocalTime from = time("jfrtop.from");
    java.time.LocalTime to = time("jfrtop.to");
    java.util.regex.Pattern threadFilter = System.getProperty("jfrtop.threads") == null ? null
        : java.util.regex.Pattern.compile(System.getProperty("jfrtop.threads"));
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName();
      java.time.LocalTime at = java.time.LocalTime.ofInstant(event.getStartTime(), java.time.ZoneId.systemDefault());
      if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
        continue;
      }
      if (type.equals("jdk.ExecutionSample")) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        if (threadFilter != null && (event.getThread("sampledThread") == null
            || !threadFilter.matcher(String.valueOf(event.getThread("sampledThread").getJavaName())).find())) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        selfFrames.merge(name(frames.get(0)), 1L, Long::sum);
        spateFrames.merge(nearestSpate(frames), 1L, Long::sum);
        String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocated += weight;
        String cls = event.getClass("objectClass").getName();
        allocClasses.merge(cls, weight, Long::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null && !stack.getFrames().isEmpty()) {
          String site = name(stack.getFrames().get(0)) + " <- " + nearestSpate(stack.getFrames());
          allocSites.merge(cls + " @ " + site, weight, Long::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "CPU samples: %d%n", samples);
    print("Threads (by samples)", threads, samples, rows);
    print("Top frames (self)", selfFrames, samples, rows);
    print("Nearest io.spate frame (self + callees outside Spate)", spateFrames, samples, rows);
    System.out.printf(Locale.ROOT, "%nAllocation samples: %.1f MB weighted%n", allocated / 1e6);
    print("Allocated classes (by weight)", allocClasses, allocated, rows);
    print("Allocation sites (class @ allocating frame <- nearest io.spate frame)", allocSites, allocated, rows);
  }

  private static java.time.LocalTime time(String property) {
    String value = System.getProperty(property);
    return value == null ? null : java.time.LocalTime.parse(value);
  }

  private static String nearestSpate(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String n = name(frame);
      if (n.startsWith("io.spate.") && !n.startsWith("io.spate.bench.")) {
        return n;
      }
    }
    return "(no Spate frame) " + name(frames.get(0));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long total, int rows) {
    System.out.println();
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(rows)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
  }
}
