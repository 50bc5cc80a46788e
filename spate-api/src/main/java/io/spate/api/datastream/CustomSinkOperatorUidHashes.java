package io.spate.api.datastream;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * Operator ids given by hand to the operators of a sink, for {@link DataStream#sinkTo(
 * io.spate.api.connector.sink.Sink, CustomSinkOperatorUidHashes)}: to restore a sink's state saved
 * under known ids. A Spate sink is one operator that writes and commits, so only the writer's id
 * applies; a committer or global committer id is refused when the sink is added.
 */
@PublicEvolving
public class CustomSinkOperatorUidHashes implements Serializable {

  private static final long serialVersionUID = 1L;

  /** No ids given: the sink's id comes from its uid or its place in the graph. */
  public static final CustomSinkOperatorUidHashes DEFAULT = builder().build();

  private final String writerUidHash;
  private final String committerUidHash;
  private final String globalCommitterUidHash;

  /** The ids of the writer, committer and global committer; each may be null. */
  public CustomSinkOperatorUidHashes(String writerUidHash, String committerUidHash, String globalCommitterUidHash) {
    this.writerUidHash = writerUidHash;
    this.committerUidHash = committerUidHash;
    this.globalCommitterUidHash = globalCommitterUidHash;
  }

  /** A builder of the ids. */
  public static SinkOperatorUidHashesBuilder builder() {
    return new SinkOperatorUidHashesBuilder();
  }

  /** The writer's id, or null. */
  public String getWriterUidHash() {
    return writerUidHash;
  }

  /** The committer's id, or null. */
  public String getCommitterUidHash() {
    return committerUidHash;
  }

  /** The global committer's id, or null. */
  public String getGlobalCommitterUidHash() {
    return globalCommitterUidHash;
  }

  /** Collects the ids one by one. */
  @PublicEvolving
  public static class SinkOperatorUidHashesBuilder {

    private String writerUidHash;
    private String committerUidHash;
    private String globalCommitterUidHash;

    /** Sets the writer's id (32 hex digits). */
    public SinkOperatorUidHashesBuilder setWriterUidHash(String writerUidHash) {
      this.writerUidHash = writerUidHash;
      return this;
    }

    /** Sets the committer's id (refused by Spate's sinks, which commit in the writer). */
    public SinkOperatorUidHashesBuilder setCommitterUidHash(String committerUidHash) {
      this.committerUidHash = committerUidHash;
      return this;
    }

    /** Sets the global committer's id (refused by Spate's sinks, which have none). */
    public SinkOperatorUidHashesBuilder setGlobalCommitterUidHash(String globalCommitterUidHash) {
      this.globalCommitterUidHash = globalCommitterUidHash;
      return this;
    }

    /** The ids set so far. */
    public CustomSinkOperatorUidHashes build() {
      return new CustomSinkOperatorUidHashes(writerUidHash, committerUidHash, globalCommitterUidHash);
    }
  }
}
