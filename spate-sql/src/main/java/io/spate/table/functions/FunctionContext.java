package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;
import java.util.Map;

/** What a user-defined function is told when it opens: the job's parameters and its class loader. */
@PublicEvolving
public class FunctionContext {

  private final Map<String, String> jobParameters;
  private final ClassLoader classLoader;

  /** A context with the job's global parameters {@code jobParameters}. */
  public FunctionContext(Map<String, String> jobParameters, ClassLoader classLoader) {
    this.jobParameters = Map.copyOf(jobParameters);
    this.classLoader = classLoader;
  }

  /** The job parameter {@code key}, or {@code defaultValue} if the job has none of that name. */
  public String getJobParameter(String key, String defaultValue) {
    return jobParameters.getOrDefault(key, defaultValue);
  }

  /** The class loader of the job's code. */
  public ClassLoader getUserCodeClassLoader() {
    return classLoader;
  }
}
