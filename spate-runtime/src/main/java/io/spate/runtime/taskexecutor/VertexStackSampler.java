package io.spate.runtime.taskexecutor;

import io.spate.api.common.JobID;
import io.spate.runtime.tasks.StreamTask;
import io.spate.runtime.worker.Tasklet;
import io.spate.runtime.worker.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Samples the stacks of a TaskExecutor's worker threads while they run subtasks of one job vertex, for
 * flame graphs. Tasks share the workers, so a sample counts only when the worker ran a subtask of the
 * vertex both before and after its stack was taken.
 */
final class VertexStackSampler {

  /** Which samples a flame graph keeps: all, those of running threads, or those of waiting ones. */
  enum Type { FULL, ON_CPU, OFF_CPU }

  private VertexStackSampler() {}

  /**
   * Takes {@code samples} rounds of samples {@code delayMillis} apart; each kept sample is its stack's
   * frames as {@code class.method:line}, outermost first, at most the {@code maxDepth} innermost.
   */
  static List<List<String>> sample(WorkerPool workers, JobID jobId, int vertexId, Type type, int samples,
      long delayMillis, int maxDepth) throws InterruptedException {
    List<List<String>> kept = new ArrayList<>();
    for (int round = 0; round < samples; round++) {
      if (round > 0 && delayMillis > 0) {
        TimeUnit.MILLISECONDS.sleep(delayMillis);
      }
      workers.forEachRunning((thread, tasklet) -> {
        if (!ofVertex(tasklet, jobId, vertexId)) {
          return;
        }
        Thread.State state = thread.getState();
        StackTraceElement[] stack = thread.getStackTrace();
        if (WorkerPool.runningOn(thread) != tasklet) {
          return; // it moved on to another task while the stack was taken
        }
        boolean onCpu = state == Thread.State.RUNNABLE;
        if (type == Type.FULL || (type == Type.ON_CPU) == onCpu) {
          kept.add(frames(stack, maxDepth));
        }
      });
    }
    return kept;
  }

  private static boolean ofVertex(Tasklet tasklet, JobID jobId, int vertexId) {
    return tasklet instanceof StreamTask task && task.attemptId().jobId().equals(jobId)
        && task.vertex().getId() == vertexId;
  }

  private static List<String> frames(StackTraceElement[] stack, int maxDepth) {
    int depth = Math.min(stack.length, Math.max(1, maxDepth));
    List<String> frames = new ArrayList<>(depth);
    for (int i = depth - 1; i >= 0; i--) {
      StackTraceElement frame = stack[i];
      frames.add(frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber());
    }
    return frames;
  }
}
