import java.nio.file.*;
import java.util.*;
import jdk.jfr.consumer.*;

/** Per thread: parked/monitor-wait seconds and event counts, Java and native samples, top wait frames. */
public class JfrWaits {
  static String norm(String n) { return n == null ? "?" : n.replaceAll("\\d+", "N"); }
  static String frame(RecordedStackTrace st, String prefix) {
    if (st == null || st.getFrames().isEmpty()) return "?";
    for (RecordedFrame f : st.getFrames()) {
      String t = f.getMethod().getType().getName();
      if (t.startsWith(prefix) ) return t.substring(t.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }
    RecordedFrame f = st.getFrames().get(Math.min(3, st.getFrames().size()-1));
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
  public static void main(String[] a) throws Exception {
    Map<String, double[]> t = new TreeMap<>(); // park s, park n, mwait s, mwait n, enter s, exec samples, native samples
    Map<String, Double> frames = new HashMap<>();
    Map<String, Integer> nat = new HashMap<>();
    String prefix = a.length > 1 ? a[1] : "io.spate";
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
      String type = e.getEventType().getName();
      RecordedThread th = e.getThread() != null ? e.getThread() : (e.hasField("sampledThread") ? e.getThread("sampledThread") : null);
      String name = norm(th == null ? null : th.getJavaName());
      double[] v = t.computeIfAbsent(name, k -> new double[7]);
      switch (type) {
        case "jdk.ThreadPark" -> { double s = e.getDuration().toNanos() / 1e9; v[0] += s; v[1]++; frames.merge(name + " | park | " + frame(e.getStackTrace(), prefix), s, Double::sum); }
        case "jdk.JavaMonitorWait" -> { double s = e.getDuration().toNanos() / 1e9; v[2] += s; v[3]++; frames.merge(name + " | wait | " + frame(e.getStackTrace(), prefix), s, Double::sum); }
        case "jdk.JavaMonitorEnter" -> { double s = e.getDuration().toNanos() / 1e9; v[4] += s; frames.merge(name + " | enter | " + frame(e.getStackTrace(), prefix), s, Double::sum); }
        case "jdk.ExecutionSample" -> v[5]++;
        case "jdk.NativeMethodSample" -> { v[6]++; if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) break; RecordedFrame f = e.getStackTrace().getFrames().get(0); nat.merge(name + " | " + f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum); }
        default -> {}
      }
    }
    System.out.printf("%-70s %8s %7s %8s %7s %7s %6s %6s%n", "thread", "park s", "parks", "wait s", "waits", "enter s", "exec", "native");
    t.forEach((k, v) -> { if (v[0] + v[2] + v[4] > 0.01 || v[5] > 5) System.out.printf("%-70s %8.2f %7.0f %8.2f %7.0f %7.2f %6.0f %6.0f%n", k.length() > 70 ? k.substring(0, 70) : k, v[0], v[1], v[2], v[3], v[4], v[5], v[6]); });
    System.out.println("\nTop waits by thread and frame (s):");
    frames.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue())).limit(25)
        .forEach(en -> System.out.printf("%8.2f  %s%n", en.getValue(), en.getKey()));
    System.out.println("\nTop native samples:");
    nat.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(15)
        .forEach(en -> System.out.printf("%6d  %s%n", en.getValue(), en.getKey()));
  }
}
