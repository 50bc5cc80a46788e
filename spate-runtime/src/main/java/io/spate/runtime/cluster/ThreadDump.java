package io.spate.runtime.cluster;

import java.io.Serializable;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/** The stacks of every live thread of this JVM, for the REST API's thread-dump routes. */
public final class ThreadDump {

  private ThreadDump() {}

  /**
   * One thread, as Flink's thread dump shows it.
   *
   * @param threadName the thread's name
   * @param stringifiedThreadInfo its id, state, the lock it waits for and its whole stack, as text
   */
  public record Entry(String threadName, String stringifiedThreadInfo) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** The threads of this JVM now, with their whole stacks and the locks they hold. */
  public static List<Entry> take() {
    ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
    List<Entry> entries = new ArrayList<>(threads.length);
    for (ThreadInfo thread : threads) {
      if (thread != null) {
        entries.add(new Entry(thread.getThreadName(), describe(thread)));
      }
    }
    return entries;
  }

  // ThreadInfo.toString() cuts every stack off after 8 frames, which hides what a busy thread does.
  private static String describe(ThreadInfo thread) {
    StringBuilder sb = new StringBuilder();
    sb.append('"').append(thread.getThreadName()).append('"');
    if (thread.isDaemon()) {
      sb.append(" daemon");
    }
    sb.append(" prio=").append(thread.getPriority()).append(" Id=").append(thread.getThreadId()).append(' ')
        .append(thread.getThreadState());
    if (thread.getLockName() != null) {
      sb.append(" on ").append(thread.getLockName());
    }
    if (thread.getLockOwnerName() != null) {
      sb.append(" owned by \"").append(thread.getLockOwnerName()).append("\" Id=").append(thread.getLockOwnerId());
    }
    sb.append('\n');
    StackTraceElement[] stack = thread.getStackTrace();
    MonitorInfo[] monitors = thread.getLockedMonitors();
    for (int i = 0; i < stack.length; i++) {
      sb.append("\tat ").append(stack[i]).append('\n');
      for (MonitorInfo monitor : monitors) {
        if (monitor.getLockedStackDepth() == i) {
          sb.append("\t-  locked ").append(monitor).append('\n');
        }
      }
    }
    LockInfo[] synchronizers = thread.getLockedSynchronizers();
    if (synchronizers.length > 0) {
      sb.append("\n\tNumber of locked synchronizers = ").append(synchronizers.length).append('\n');
      for (LockInfo lock : synchronizers) {
        sb.append("\t- ").append(lock).append('\n');
      }
    }
    return sb.append('\n').toString();
  }
}
