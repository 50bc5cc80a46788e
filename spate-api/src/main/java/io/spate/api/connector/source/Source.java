package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A source of records, split into units of work: a {@link SplitEnumerator} discovers splits and
 * assigns them; one {@link SourceReader} per parallel subtask reads the splits it was given. The
 * positions in the splits are what checkpoints store.
 *
 * @param <T> the record type
 * @param <SplitT> the split type
 * @param <EnumChkT> the enumerator's checkpoint type
 */
@PublicEvolving
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {

  /** Whether the source ends. */
  Boundedness getBoundedness();

  /** Creates the reader of one parallel subtask. */
  SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;

  /** Creates the enumerator for a fresh start. */
  SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext)
      throws Exception;

  /** Creates the enumerator from a checkpoint. */
  SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
      SplitEnumeratorContext<SplitT> enumContext, EnumChkT checkpoint) throws Exception;

  /** Serializes splits for checkpoints and for shipping to remote readers. */
  SimpleVersionedSerializer<SplitT> getSplitSerializer();

  /** Serializes the enumerator's checkpoint. */
  SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}
