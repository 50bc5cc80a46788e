package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.Partitioner;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Serializable;

/** How the records of an edge are routed to the subtasks of the downstream operator. */
@Internal
public sealed interface PartitionSpec extends Serializable {

  /** Subtask i sends to subtask i; requires equal parallelism. */
  record Forward() implements PartitionSpec {}

  /** Round robin over all downstream subtasks. */
  record Rebalance() implements PartitionSpec {}

  /** Round robin over a local group of downstream subtasks (upstream i to a contiguous range). */
  record Rescale() implements PartitionSpec {}

  /** A uniformly random downstream subtask per record. */
  record Shuffle() implements PartitionSpec {}

  /** Every record to every downstream subtask. */
  record Broadcast() implements PartitionSpec {}

  /** Every record to subtask 0. */
  record Global() implements PartitionSpec {}

  /** By the key's key group: the subtask that owns the key group of the record's key. */
  record KeyGroupHash(KeySelector<?, ?> keySelector, TypeInformation<?> keyType) implements PartitionSpec {}

  /** By a user {@link Partitioner} applied to a key. */
  record Custom(Partitioner<?> partitioner, KeySelector<?, ?> keySelector) implements PartitionSpec {}

  /** Forward where parallelism is equal, else rebalance: what an edge without a partitioner gets. */
  record Default() implements PartitionSpec {}
}
