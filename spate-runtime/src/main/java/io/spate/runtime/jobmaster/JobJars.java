package io.spate.runtime.jobmaster;

import io.spate.api.common.JobID;
import io.spate.api.configuration.CoreOptions;
import io.spate.runtime.graph.JobGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The jars of one job ({@code pipeline.jars}) as its JobMaster serves them to TaskExecutors: their
 * sizes and chunks of their bytes. Reads block on the file system, so the JobMaster calls them on its
 * io executor.
 */
public final class JobJars {

  /** The most bytes one chunk carries, well below the RPC message limit. */
  public static final int MAX_CHUNK_BYTES = 1 << 20;

  private final JobID jobId;
  private final List<String> locations;

  /** The jars listed in the configuration of {@code job}. */
  public JobJars(JobGraph job) {
    this(job.jobId(), CoreOptions.jars(job.configuration()));
  }

  /** The jars at {@code locations} (file paths or {@code file:} URIs) of job {@code jobId}. */
  public JobJars(JobID jobId, List<String> locations) {
    this.jobId = jobId;
    this.locations = List.copyOf(locations);
  }

  /**
   * The size in bytes of each jar, in order.
   *
   * @throws UncheckedIOException naming the jar if one is missing or unreadable
   */
  public List<Long> sizes() {
    List<Long> sizes = new ArrayList<>(locations.size());
    for (int i = 0; i < locations.size(); i++) {
      Path file = file(i);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new UncheckedIOException(new IOException("Jar " + locations.get(i) + " of job " + jobId
            + " is missing or unreadable on the JobManager"));
      }
      try {
        sizes.add(Files.size(file));
      } catch (IOException e) {
        throw new UncheckedIOException(new IOException("Cannot read the size of jar " + locations.get(i)
            + " of job " + jobId + ": " + e, e));
      }
    }
    return sizes;
  }

  /**
   * Up to {@code maxLength} bytes (at most {@link #MAX_CHUNK_BYTES}) of jar {@code jarIndex} from
   * {@code offset}; fewer only at the end of the jar, none at its very end.
   *
   * @throws IllegalArgumentException if the jar index, offset or length is out of range
   * @throws UncheckedIOException naming the jar if it cannot be read
   */
  public byte[] read(int jarIndex, long offset, int maxLength) {
    if (jarIndex < 0 || jarIndex >= locations.size()) {
      throw new IllegalArgumentException("Job " + jobId + " has " + locations.size() + " jar(s); there is no jar #"
          + jarIndex);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("A chunk of jar " + locations.get(jarIndex) + " must ask for at least"
          + " one byte, not " + maxLength);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("Offset " + offset + " into jar " + locations.get(jarIndex)
          + " is negative");
    }
    Path file = file(jarIndex);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (offset > size) {
        throw new IllegalArgumentException("Offset " + offset + " is past the end of jar "
            + locations.get(jarIndex) + " (" + size + " bytes)");
      }
      ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(Math.min(maxLength, MAX_CHUNK_BYTES), size - offset));
      while (chunk.hasRemaining()) {
        int read = channel.read(chunk, offset + chunk.position());
        if (read < 0) {
          break; // the file shrank while we read it; the TaskExecutor's size check catches that
        }
      }
      return chunk.position() == chunk.capacity() ? chunk.array() : Arrays.copyOf(chunk.array(), chunk.position());
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("Cannot read jar " + locations.get(jarIndex) + " of job "
          + jobId + " on the JobManager: " + e, e));
    }
  }

  private Path file(int index) {
    String location = locations.get(index);
    try {
      return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Jar location '" + location + "' of job " + jobId
          + " is neither a path nor a file: URI: " + e.getMessage(), e);
    }
  }
}
