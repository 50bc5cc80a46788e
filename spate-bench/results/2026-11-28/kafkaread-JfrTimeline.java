import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

/** CPU samples per 100 ms and thread kind, and the starts and ends of the threads whose names match args[1], relative to the first sample. */
public class JfrTimeline {
  static String kind(String n) {
    if (n == null) return "?";
    if (n.contains("fetcher")) return "fetch";
    if (n.contains("worker")) return "work";
    if (n.contains("admin")) return "admin";
    if (n.equals("main")) return "main";
    if (n.contains("C2") || n.contains("C1") || n.contains("Compiler")) return "jit";
    if (n.contains("GC") || n.contains("G1")) return "gc";
    return "other";
  }
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(a[0]));
    String match = a.length > 1 ? a[1] : "fetcher|admin|worker|coordinator";
    Instant first = null;
    for (RecordedEvent e : events) if (e.getEventType().getName().equals("jdk.ExecutionSample") && (first == null || e.getStartTime().isBefore(first))) first = e.getStartTime();
    TreeMap<Long, Map<String, Integer>> buckets = new TreeMap<>();
    List<String> marks = new ArrayList<>();
    String[] kinds = {"main", "work", "fetch", "admin", "jit", "gc", "other"};
    for (RecordedEvent e : events) {
      String type = e.getEventType().getName();
      long ms = java.time.Duration.between(first, e.getStartTime()).toMillis();
      if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
        if (type.equals("jdk.NativeMethodSample")) continue;
        RecordedThread th = e.getThread("sampledThread");
        buckets.computeIfAbsent(ms / 100, k -> new HashMap<>()).merge(kind(th == null ? null : th.getJavaName()), 1, Integer::sum);
      } else if (type.equals("jdk.ThreadStart") || type.equals("jdk.ThreadEnd")) {
        RecordedThread th = e.getThread("thread");
        String n = th == null ? "?" : th.getJavaName();
        if (n != null && n.matches(".*(" + match + ").*")) marks.add(String.format("%6d ms %s %s", ms, type.substring(4), n));
      }
    }
    marks.sort(Comparator.naturalOrder());
    marks.forEach(System.out::println);
    System.out.printf("%8s", "t(ms)"); for (String k : kinds) System.out.printf("%7s", k); System.out.println();
    for (var b : buckets.entrySet()) {
      System.out.printf("%8d", b.getKey() * 100);
      for (String k : kinds) System.out.printf("%7d", b.getValue().getOrDefault(k, 0));
      System.out.println();
    }
  }
}
