package io.spate.runtime.graph;

/**
 * A network edge between two tasks, carrying the records of one operator's output (or side output)
 * to one input of another task. A class rather than a record because vertices and edges refer to
 * each other, and Java serialization cannot rebuild a record that is part of a reference cycle.
 */
public final class JobEdge implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int id;
  private final JobVertex source;
  private final JobVertex target;
  private final StreamEdge streamEdge;

  /**
   * Creates the edge.
   *
   * @param id the edge's id within the job; names the channels of this edge
   * @param source the producing task
   * @param target the consuming task
   * @param streamEdge the operator-level edge this network edge realizes
   */
  public JobEdge(int id, JobVertex source, JobVertex target, StreamEdge streamEdge) {
    this.id = id;
    this.source = source;
    this.target = target;
    this.streamEdge = streamEdge;
  }

  /** The edge's id within the job. */
  public int id() {
    return id;
  }

  /** The producing task. */
  public JobVertex source() {
    return source;
  }

  /** The consuming task. */
  public JobVertex target() {
    return target;
  }

  /** The operator-level edge this network edge realizes. */
  public StreamEdge streamEdge() {
    return streamEdge;
  }

  /** The consumer subtasks that producer subtask {@code producerIndex} sends to, in channel order. */
  public int[] consumersOf(int producerIndex) {
    int producers = source.getParallelism();
    int consumers = target.getParallelism();
    if (!streamEdge.isPointwise()) {
      return range(0, consumers);
    }
    if (producers >= consumers) {
      return new int[] {(int) ((long) producerIndex * consumers / producers)};
    }
    int count = 0;
    int first = -1;
    for (int j = 0; j < consumers; j++) {
      if ((long) j * producers / consumers == producerIndex) {
        first = first < 0 ? j : first;
        count++;
      }
    }
    return range(first, first + count);
  }

  /** The producer subtasks that consumer subtask {@code consumerIndex} receives from. */
  public int[] producersOf(int consumerIndex) {
    int producers = source.getParallelism();
    int consumers = target.getParallelism();
    if (!streamEdge.isPointwise()) {
      return range(0, producers);
    }
    if (producers <= consumers) {
      return new int[] {(int) ((long) consumerIndex * producers / consumers)};
    }
    int count = 0;
    int first = -1;
    for (int i = 0; i < producers; i++) {
      if ((long) i * consumers / producers == consumerIndex) {
        first = first < 0 ? i : first;
        count++;
      }
    }
    return range(first, first + count);
  }

  private static int[] range(int from, int to) {
    int[] result = new int[Math.max(0, to - from)];
    for (int i = 0; i < result.length; i++) {
      result[i] = from + i;
    }
    return result;
  }

  @Override
  public String toString() {
    return "JobEdge#" + id + "(" + streamEdge + ")";
  }
}
