package io.spate.runtime.metrics;

import io.spate.api.configuration.IllegalConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed scope format such as {@code <host>.taskmanager.<tm_id>}: its parts are separated by
 * dots, and a part that is a whole {@code <variable>} is replaced by the variable's value.
 */
public final class ScopeFormat {

  /** The host name of the process. */
  public static final String HOST = "<host>";
  /** The TaskManager's id. */
  public static final String TM_ID = "<tm_id>";
  /** The job's id. */
  public static final String JOB_ID = "<job_id>";
  /** The job's name. */
  public static final String JOB_NAME = "<job_name>";
  /** The job vertex's id. */
  public static final String TASK_ID = "<task_id>";
  /** The execution attempt's id. */
  public static final String TASK_ATTEMPT_ID = "<task_attempt_id>";
  /** The job vertex's name. */
  public static final String TASK_NAME = "<task_name>";
  /** The subtask's index, from 0. */
  public static final String SUBTASK_INDEX = "<subtask_index>";
  /** The attempt's number, from 0. */
  public static final String ATTEMPT_NUM = "<attempt_num>";
  /** The operator's id. */
  public static final String OPERATOR_ID = "<operator_id>";
  /** The operator's name. */
  public static final String OPERATOR_NAME = "<operator_name>";

  private final String format;
  private final String[] parts;

  private ScopeFormat(String format, String[] parts) {
    this.format = format;
    this.parts = parts;
  }

  /**
   * Parses {@code format}, the value of option {@code optionKey}, which may use {@code variables}.
   *
   * @throws IllegalConfigurationException naming the option and the part, if a part is empty or an
   *     unknown variable
   */
  public static ScopeFormat parse(String optionKey, String format, Set<String> variables) {
    if (format == null || format.isBlank()) {
      throw new IllegalConfigurationException("Option '" + optionKey + "' must not be empty.");
    }
    String[] parts = format.split("\\.", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw new IllegalConfigurationException("Option '" + optionKey + "' has an empty part in '" + format
            + "'; parts are separated by single dots.");
      }
      boolean isVariable = part.startsWith("<") && part.endsWith(">");
      if (isVariable && !variables.contains(part)) {
        throw new IllegalConfigurationException("Option '" + optionKey + "' uses " + part + " in '" + format
            + "', which this scope does not know; it knows " + new TreeSet<>(variables) + ".");
      }
      if (!isVariable && (part.contains("<") || part.contains(">"))) {
        throw new IllegalConfigurationException("Option '" + optionKey + "' has the part '" + part + "' in '"
            + format + "'; a variable must be a whole part, such as <job_name>.");
      }
    }
    return new ScopeFormat(format, parts);
  }

  /** The scope components for the given variable values; a variable without a value becomes "null". */
  public List<String> format(Map<String, String> values) {
    List<String> components = new ArrayList<>(parts.length);
    for (String part : parts) {
      components.add(part.startsWith("<") ? String.valueOf(values.get(part)) : part);
    }
    return components;
  }

  @Override
  public String toString() {
    return format;
  }
}
