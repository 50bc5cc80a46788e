package io.spate.runtime.rest;

import io.spate.api.configuration.RestoreMode;
import java.util.List;

/**
 * What {@code POST /jars/{jarid}/run} asks for.
 *
 * @param entryClass the class whose main method runs, or null for the Main-Class of the jar's manifest
 * @param programArgs the arguments of the main method
 * @param parallelism the default parallelism of the program's jobs, or null for the cluster's
 * @param savepointPath the savepoint the first job restores, or null
 * @param allowNonRestoredState whether state of operators the job no longer has is skipped
 * @param restoreMode whether the job claims the savepoint, or null for the default
 */
public record JarRunRequest(String entryClass, List<String> programArgs, Integer parallelism,
    String savepointPath, boolean allowNonRestoredState, RestoreMode restoreMode) {

  /** Copies the arguments. */
  public JarRunRequest {
    programArgs = List.copyOf(programArgs);
  }
}
