package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * A node of the logical graph that the DataStream API builds: one operation, its inputs, its output
 * type, and its execution settings. The runtime turns a graph of transformations into tasks.
 *
 * @param <T> the output type
 */
@Internal
public abstract class Transformation<T> implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** The parallelism value that means "use the job's default". */
  public static final int DEFAULT_PARALLELISM = -1;

  /** The slot sharing group of operators that set none. */
  public static final String DEFAULT_SLOT_SHARING_GROUP = "default";

  private final int id;
  private String name;
  private String uid;
  private TypeInformation<T> outputType;
  private int parallelism;
  private int maxParallelism = DEFAULT_PARALLELISM;
  private boolean parallelismConfigured;
  private String slotSharingGroup;
  private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
  private final StackTraceElement creationSite;

  /** Creates a transformation; {@code id} must be unique within the environment. */
  protected Transformation(int id, String name, TypeInformation<T> outputType, int parallelism) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.outputType = outputType;
    this.parallelism = parallelism;
    this.creationSite = findUserCallSite();
  }

  /** The inputs of this transformation, in input order. */
  public abstract List<Transformation<?>> getInputs();

  /** The unique id of this transformation within its environment. */
  public int getId() {
    return id;
  }

  /** The operator's name, shown in logs and the UI. */
  public String getName() {
    return name;
  }

  /** Renames the operator. */
  public void setName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidProgramException("An operator name must not be empty (operator " + this.name + ").");
    }
    this.name = name;
  }

  /** The user-given stable id used to match state on restore, or null. */
  public String getUid() {
    return uid;
  }

  /** Sets the stable id. */
  public void setUid(String uid) {
    if (uid == null || uid.isBlank()) {
      throw new InvalidProgramException("A uid must not be empty (operator '" + name + "').");
    }
    this.uid = uid;
  }

  /** The output type; may be a missing-type placeholder until {@link #setOutputType} is called. */
  public TypeInformation<T> getOutputType() {
    return outputType;
  }

  /** Sets the output type explicitly. */
  public void setOutputType(TypeInformation<T> outputType) {
    this.outputType = Objects.requireNonNull(outputType, "outputType");
  }

  /** The parallelism, or {@link #DEFAULT_PARALLELISM}. */
  public int getParallelism() {
    return parallelism;
  }

  /** Sets the parallelism (at least 1). */
  public void setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new InvalidProgramException(
          "The parallelism of operator '" + name + "' must be at least 1, got " + parallelism + ".");
    }
    this.parallelism = parallelism;
    this.parallelismConfigured = true;
  }

  /** Whether the parallelism was set on this operator rather than inherited. */
  public boolean isParallelismConfigured() {
    return parallelismConfigured;
  }

  /** The max parallelism of this operator, or {@link #DEFAULT_PARALLELISM}. */
  public int getMaxParallelism() {
    return maxParallelism;
  }

  /** Sets the max parallelism of this operator. */
  public void setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
      throw new InvalidProgramException(
          "The max parallelism of operator '" + name + "' must be in [1, 32768], got " + maxParallelism + ".");
    }
    this.maxParallelism = maxParallelism;
  }

  /** The slot sharing group, or null to inherit the inputs' group. */
  public String getSlotSharingGroup() {
    return slotSharingGroup;
  }

  /** Sets the slot sharing group. */
  public void setSlotSharingGroup(String slotSharingGroup) {
    if (slotSharingGroup == null || slotSharingGroup.isBlank()) {
      throw new InvalidProgramException("A slot sharing group name must not be empty (operator '" + name + "').");
    }
    this.slotSharingGroup = slotSharingGroup;
  }

  /** The chaining strategy. */
  public ChainingStrategy getChainingStrategy() {
    return chainingStrategy;
  }

  /** Sets the chaining strategy. */
  public void setChainingStrategy(ChainingStrategy chainingStrategy) {
    this.chainingStrategy = Objects.requireNonNull(chainingStrategy);
  }

  /** Where in the user's program this transformation was created, or null if unknown. */
  public StackTraceElement getCreationSite() {
    return creationSite;
  }

  /** The operator's name and, where known, the line of the user's program that created it. */
  public String describe() {
    return creationSite == null
        ? "'" + name + "'"
        : "'" + name + "' (created at " + creationSite.getFileName() + ":" + creationSite.getLineNumber() + ")";
  }

  private static StackTraceElement findUserCallSite() {
    for (StackTraceElement e : new Throwable().getStackTrace()) {
      String cls = e.getClassName();
      if (!cls.startsWith("io.spate.api.") && !cls.startsWith("java.") && !cls.startsWith("jdk.")) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
  }

  // ---------------------------------------------------------------- Flink's per-operator settings

  /** The buffer timeout of operators that set none: the job's applies. */
  public static final long UNSET_BUFFER_TIMEOUT = -2;

  private String uidHash;
  private String description;
  private long bufferTimeout = UNSET_BUFFER_TIMEOUT;

  /** The operator id given by hand (32 hex digits, lower case), or null. */
  public String getUidHash() {
    return uidHash;
  }

  /**
   * Gives the operator the id {@code uidHash} (32 hex digits) under which checkpoints and savepoints
   * keep its state, instead of one derived from its uid or place in the graph.
   */
  public void setUidHash(String uidHash) {
    if (uidHash == null || !uidHash.matches("[0-9A-Fa-f]{32}")) {
      throw new InvalidProgramException("The uid hash of operator '" + name + "' must be 32 hex digits, got "
          + (uidHash == null ? "null" : "'" + uidHash + "'") + ".");
    }
    this.uidHash = uidHash.toLowerCase(java.util.Locale.ROOT);
  }

  /** The operator's description, or null. */
  public String getDescription() {
    return description;
  }

  /** Describes the operator in more words than its name, for plans and the web UI. */
  public void setDescription(String description) {
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * How long, in milliseconds, the task of this operator may hold a partly filled batch of its
   * output: -1 only hands over full batches, 0 every record; {@link #UNSET_BUFFER_TIMEOUT} uses the
   * job's timeout.
   */
  public long getBufferTimeout() {
    return bufferTimeout;
  }

  /** Sets {@link #getBufferTimeout()}; at least -1. */
  public void setBufferTimeout(long bufferTimeout) {
    if (bufferTimeout < -1) {
      throw new InvalidProgramException("The buffer timeout of operator '" + name + "' must be -1 (only full"
          + " batches), 0 (every record) or positive milliseconds, got " + bufferTimeout + ".");
    }
    this.bufferTimeout = bufferTimeout;
  }
}
