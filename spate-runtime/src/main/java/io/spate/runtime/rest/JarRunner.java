package io.spate.runtime.rest;

import java.nio.file.Path;

/**
 * Runs the main method of an uploaded jar inside the cluster, for {@code POST /jars/{jarid}/run}.
 * It lives here so that the REST server does not depend on the module that knows how to run
 * programs (spate-dist implements it with the job's own child-first class loader).
 */
public interface JarRunner {

  /**
   * Starts {@code request}'s entry class from {@code jar} and returns the id of the first job it
   * submits.
   *
   * @throws RestException with status 400 when the entry class is missing or unusable, or the
   *     program fails or ends before it submits a job
   */
  String run(Path jar, JarRunRequest request) throws Exception;

  /** A runner for clusters that do not run uploaded jars, such as the embedded cluster of {@code spate run}. */
  JarRunner UNSUPPORTED = (jar, request) -> {
    throw new RestException(501, "This cluster does not run uploaded jars: start a session cluster with"
        + " 'spate cluster start' or 'spate jobmanager'.");
  };
}
