import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

/** For each frame substring: per thread, the samples and waits (park, monitor) with that frame on the stack: count, first and last ms after the first sample, wait seconds. */
public class JfrFrames {
  public static void main(String[] a) throws Exception {
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(a[0]));
    Instant first = null;
    for (RecordedEvent e : events) if (e.getEventType().getName().equals("jdk.ExecutionSample") && (first == null || e.getStartTime().isBefore(first))) first = e.getStartTime();
    for (int i = 1; i < a.length; i++) {
      String want = a[i];
      Map<String, long[]> rows = new TreeMap<>(); // samples, firstMs, lastMs, waitMicros, waits
      for (RecordedEvent e : events) {
        String type = e.getEventType().getName();
        boolean sample = type.equals("jdk.ExecutionSample");
        boolean wait = type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.JavaMonitorWait");
        if (!sample && !wait) continue;
        RecordedStackTrace st = e.getStackTrace();
        if (st == null) continue;
        boolean has = false;
        for (RecordedFrame f : st.getFrames()) { if ((f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(want)) { has = true; break; } }
        if (!has) continue;
        RecordedThread th = sample ? e.getThread("sampledThread") : e.getThread();
        String name = (th == null ? "?" : th.getJavaName()).replaceAll("\\d+$", "N") + (sample ? " cpu" : " " + type.substring(4));
        long ms = java.time.Duration.between(first, e.getStartTime()).toMillis();
        long[] r = rows.computeIfAbsent(name, k -> new long[] {0, Long.MAX_VALUE, 0, 0});
        r[0]++; r[1] = Math.min(r[1], ms); r[2] = Math.max(r[2], ms + (wait ? e.getDuration().toMillis() : 0));
        if (wait) r[3] += e.getDuration().toNanos() / 1000;
      }
      System.out.println("-- " + want);
      rows.forEach((k, r) -> System.out.printf("  %-60s n=%5d  %6d..%6d ms  wait %.3f s%n", k, r[0], r[1], r[2], r[3] / 1e6));
    }
  }
}
