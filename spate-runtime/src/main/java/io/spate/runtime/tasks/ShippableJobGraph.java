package io.spate.runtime.tasks;

import io.spate.api.configuration.CoreOptions;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.rpc.ClusterSerialization;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * A job graph on its way to TaskExecutors. Within one process it is the graph itself, by reference;
 * serialized, it travels as bytes of its own, because only the receiving TaskExecutor can provide
 * the class loader of the job's code that reading it needs ({@link #load}). The bytes are made once
 * per job and shared by every deployment that carries this object. The locations of the job's jars
 * ({@code pipeline.jars}) travel beside the bytes, so that a TaskExecutor knows what to fetch before it
 * can read them.
 */
public final class ShippableJobGraph implements Serializable {

  private static final long serialVersionUID = 1L;

  private transient volatile JobGraph graph;
  private byte[] bytes;
  private final String[] jobJars;

  /** Wraps {@code graph}. */
  public ShippableJobGraph(JobGraph graph) {
    this.graph = graph;
    this.jobJars = CoreOptions.jars(graph.configuration()).toArray(new String[0]);
  }

  /** The locations of the jars that hold the job's code, as the JobMaster knows them; empty if none. */
  public List<String> jobJars() {
    return List.of(jobJars);
  }

  /** The graph; a received one must be {@link #load loaded} first. */
  public JobGraph get() {
    JobGraph loaded = graph;
    if (loaded == null) {
      throw new IllegalStateException("The job graph arrived from another process and has not been loaded yet");
    }
    return loaded;
  }

  /** Whether {@link #get} has the graph. */
  public boolean isLoaded() {
    return graph != null;
  }

  /**
   * Reads the received graph with {@code classLoader} (the job's code), accepting only what
   * {@code filter} allows; does nothing if the graph is here already.
   *
   * @throws IOException if the bytes are damaged, a class is missing or the filter rejects one
   */
  public synchronized void load(ClassLoader classLoader, ObjectInputFilter filter) throws IOException {
    if (graph != null) {
      return;
    }
    try {
      JobGraph read = (JobGraph) ClusterSerialization.deserialize(bytes, classLoader, filter);
      graph = read.withUserClassLoader(classLoader);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException("Cannot read the job graph: " + e, e);
    }
  }

  private synchronized void writeObject(ObjectOutputStream out) throws IOException {
    if (bytes == null) {
      bytes = ClusterSerialization.serialize(get());
    }
    out.defaultWriteObject();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (bytes == null || jobJars == null) {
      throw new InvalidObjectException("a shipped job graph without its bytes or its jar list");
    }
  }
}
