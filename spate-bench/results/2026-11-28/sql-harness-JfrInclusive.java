import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Inclusive CPU-sample shares of the task workers' methods in a JFR recording: for each method,
 * the share of worker samples whose stack holds it anywhere. With a third argument (a regex over
 * "Class.method"), the callers chains (up to 6 frames) of the samples whose top frame matches it.
 *
 * java JfrInclusive.java FILE.jfr [rows] [top-frame-regex]
 */
public class JfrInclusive {
  public static void main(String[] args) throws Exception {
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Pattern top = args.length > 2 ? Pattern.compile(args[2]) : null;
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> chains = new HashMap<>();
    long samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      var thread = e.getThread("sampledThread");
      if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains("worker")) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        String m = name(f);
        if (seen.add(m)) {
          inclusive.merge(m, 1L, Long::sum);
        }
      }
      String first = name(frames.get(0));
      self.merge(first, 1L, Long::sum);
      if (top != null && top.matcher(first).find()) {
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < Math.min(6, frames.size()); i++) {
          chain.add(name(frames.get(i)));
        }
        chains.merge(String.join(" <- ", chain), 1L, Long::sum);
      }
    }
    System.out.println("worker CPU samples: " + samples);
    print("Inclusive (stack holds the method):", inclusive, samples, rows);
    print("Self (top frame):", self, samples, rows);
    if (top != null) {
      print("Chains of top frames matching " + top + ":", chains, samples, rows);
    }
  }

  static String name(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    return type.replaceAll("\\$\\$Lambda\\$\\d+/0x[0-9a-f]+", "\\$\\$Lambda") + "." + f.getMethod().getName();
  }

  static void print(String title, Map<String, Long> counts, long samples, int rows) {
    System.out.println();
    System.out.println(title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
        .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / samples, en.getKey()));
  }
}
