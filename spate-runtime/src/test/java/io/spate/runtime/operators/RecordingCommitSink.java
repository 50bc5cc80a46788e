package io.spate.runtime.operators;

import io.spate.api.connector.sink.Committer;
import io.spate.api.connector.sink.CommittingSinkWriter;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.SupportsCommitter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A two-phase-commit sink for tests: each record becomes a committable {@code <unique id>|<record>},
 * and the committer appends the record to a list shared by every sink of the same name, once per id.
 */
final class RecordingCommitSink implements Sink<String>, SupportsCommitter<String> {

  private static final Map<String, Store> STORES = new ConcurrentHashMap<>();

  private final String name;
  private final int serializerVersion;

  RecordingCommitSink(String name, int serializerVersion) {
    this.name = name;
    this.serializerVersion = serializerVersion;
  }

  /** A new sink with an empty store. */
  static RecordingCommitSink create(int serializerVersion) {
    String name = UUID.randomUUID().toString();
    STORES.put(name, new Store());
    return new RecordingCommitSink(name, serializerVersion);
  }

  /** The same store, read with another serializer version. */
  RecordingCommitSink withSerializerVersion(int version) {
    return new RecordingCommitSink(name, version);
  }

  /** The committed records, in commit order. */
  List<String> committed() {
    synchronized (store()) {
      return List.copyOf(store().records);
    }
  }

  /** How many records the writers of this sink were given. */
  long written() {
    synchronized (store()) {
      return store().written;
    }
  }

  /** How many committables were handed to committers, counting repeats. */
  int commitAttempts() {
    synchronized (store()) {
      return store().attempts;
    }
  }

  private Store store() {
    return STORES.get(name);
  }

  private static final class Store {
    final Set<String> ids = new HashSet<>();
    final List<String> records = new ArrayList<>();
    int attempts;
    long written;
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) {
    String writerId = UUID.randomUUID().toString();
    return new CommittingSinkWriter<String, String>() {
      private final List<String> buffered = new ArrayList<>();
      private long counter;

      @Override
      public void write(String element, Context context) {
        Store store = store();
        synchronized (store) {
          store.written++;
        }
        buffered.add(writerId + "-" + counter++ + "|" + element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public Collection<String> prepareCommit() {
        List<String> committables = List.copyOf(buffered);
        buffered.clear();
        return committables;
      }
    };
  }

  @Override
  public Committer<String> createCommitter() {
    return committables -> {
      Store store = store();
      synchronized (store) {
        for (String committable : committables) {
          store.attempts++;
          if (store.ids.add(committable.substring(0, committable.indexOf('|')))) {
            store.records.add(committable.substring(committable.indexOf('|') + 1));
          }
        }
      }
    };
  }

  @Override
  public SimpleVersionedSerializer<String> getCommittableSerializer() {
    return new SimpleVersionedSerializer<>() {
      @Override
      public int getVersion() {
        return serializerVersion;
      }

      @Override
      public byte[] serialize(String obj) {
        return obj.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String deserialize(int version, byte[] serialized) throws IOException {
        if (version != serializerVersion) {
          throw new IOException("test committable of version " + version + ", expected " + serializerVersion);
        }
        return new String(serialized, StandardCharsets.UTF_8);
      }
    };
  }

  @Override
  public String toString() {
    return "RecordingCommitSink";
  }
}
