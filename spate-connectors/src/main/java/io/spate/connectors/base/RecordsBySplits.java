package io.spate.connectors.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One batch that a {@link SplitReader} fetched: elements grouped by split, in the order they were
 * read, and the splits that the batch reads to their end. A fetcher thread builds it; the task
 * thread then reads it, split by split.
 *
 * @param <E> the fetched element type
 */
public final class RecordsBySplits<E> {

  /** The fetch time of a batch whose split reader did not record one. */
  public static final long UNKNOWN_FETCH_TIME = Long.MIN_VALUE;

  private final Map<String, List<E>> elementsBySplit;
  private final Set<String> finishedSplits;
  private final int size;
  private final long fetchTimeMillis;
  private Iterator<Map.Entry<String, List<E>>> splits;
  private List<E> current;
  private int position;

  private RecordsBySplits(Map<String, List<E>> elementsBySplit, Set<String> finishedSplits, int size,
      long fetchTimeMillis) {
    this.elementsBySplit = elementsBySplit;
    this.finishedSplits = Collections.unmodifiableSet(finishedSplits);
    this.size = size;
    this.fetchTimeMillis = fetchTimeMillis;
  }

  /** A builder of a batch. */
  public static <E> Builder<E> builder() {
    return new Builder<>();
  }

  /** A batch with no elements that marks {@code splitIds} finished. */
  public static <E> RecordsBySplits<E> finished(Set<String> splitIds) {
    Builder<E> builder = new Builder<>();
    splitIds.forEach(builder::finish);
    return builder.build();
  }

  /** The number of elements in the batch. */
  public int size() {
    return size;
  }

  /** Whether the batch has neither elements nor finished splits. */
  public boolean isEmpty() {
    return size == 0 && finishedSplits.isEmpty();
  }

  /**
   * When the batch's elements were fetched from the external system (epoch milliseconds), or
   * {@link #UNKNOWN_FETCH_TIME} if its split reader did not say.
   */
  public long fetchTimeMillis() {
    return fetchTimeMillis;
  }

  /** The splits that this batch reads to their end. */
  public Set<String> finishedSplits() {
    return finishedSplits;
  }

  /** Moves to the next split that has elements and returns its id, or null after the last one. */
  public String nextSplit() {
    if (splits == null) {
      splits = elementsBySplit.entrySet().iterator();
    }
    if (!splits.hasNext()) {
      current = null;
      return null;
    }
    Map.Entry<String, List<E>> next = splits.next();
    current = next.getValue();
    position = 0;
    return next.getKey();
  }

  /** The next element of the current split, or null when the split's elements are used up. */
  public E nextElementFromSplit() {
    if (current == null || position == current.size()) {
      return null;
    }
    return current.get(position++);
  }

  /** Collects the elements and finished splits of a batch. */
  public static final class Builder<E> {
    private final Map<String, List<E>> elementsBySplit = new LinkedHashMap<>();
    private final Set<String> finishedSplits = new LinkedHashSet<>();
    /** Splits whose list was handed to {@link #addAll} and is not this builder's to change. */
    private final Set<String> borrowed = new HashSet<>();
    private int size;
    private long fetchTimeMillis = UNKNOWN_FETCH_TIME;

    private Builder() {}

    /** Adds {@code element}, read from split {@code splitId}. */
    public Builder<E> add(String splitId, E element) {
      Objects.requireNonNull(element, "element");
      if (!borrowed.isEmpty() && borrowed.contains(splitId)) {
        ownedList(splitId).add(element);
        size++;
        return this;
      }
      elementsBySplit.computeIfAbsent(Objects.requireNonNull(splitId, "splitId"), id -> new ArrayList<>()).add(element);
      size++;
      return this;
    }

    /**
     * Adds {@code elements}, read from split {@code splitId} in this order, without copying them when
     * they are the split's first: the batch then holds the list itself, which the caller must not
     * change afterwards (a client's own, unmodifiable batch, such as a Kafka poll's per partition).
     */
    public Builder<E> addAll(String splitId, List<E> elements) {
      Objects.requireNonNull(splitId, "splitId");
      if (elements.isEmpty()) {
        return this;
      }
      List<E> current = elementsBySplit.get(splitId);
      if (current == null) {
        elementsBySplit.put(splitId, elements);
        borrowed.add(splitId);
      } else {
        ownedList(splitId).addAll(elements);
      }
      size += elements.size();
      return this;
    }

    /** The list of split {@code splitId}'s elements that this builder may add to, copying a borrowed one. */
    private List<E> ownedList(String splitId) {
      List<E> current = elementsBySplit.get(splitId);
      if (borrowed.remove(splitId)) {
        current = new ArrayList<>(current);
        elementsBySplit.put(splitId, current);
      }
      return current;
    }

    /** Marks split {@code splitId} read to its end: no element of it follows this batch. */
    public Builder<E> finish(String splitId) {
      finishedSplits.add(Objects.requireNonNull(splitId, "splitId"));
      return this;
    }

    /**
     * Records that the elements were fetched at {@code epochMillis}, for the source metric {@code
     * currentFetchEventTimeLag}.
     */
    public Builder<E> fetchedAt(long epochMillis) {
      this.fetchTimeMillis = epochMillis;
      return this;
    }

    /** The number of elements added so far. */
    public int size() {
      return size;
    }

    /** The batch. */
    public RecordsBySplits<E> build() {
      return new RecordsBySplits<>(elementsBySplit, finishedSplits, size, fetchTimeMillis);
    }
  }
}
