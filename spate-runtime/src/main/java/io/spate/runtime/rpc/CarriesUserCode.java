package io.spate.runtime.rpc;

/**
 * A message that holds objects of a job's classes (a job graph). The in-process RPC service's copying
 * mode reads it with its own class loader and gives the copy that loader, as a JobManager that has the
 * job's jars would; a networked service never receives one.
 */
public interface CarriesUserCode {

  /** The class loader of the job's code, or null if it has none here. */
  ClassLoader userClassLoader();

  /** This message with the class loader {@code loader} of the job's code. */
  CarriesUserCode withUserClassLoader(ClassLoader loader);
}
