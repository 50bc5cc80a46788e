package io.spate.formats.avro;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro instantiate the classes of the specific and reflect records a job names. Avro 1.12 refuses
 * to load classes outside a list of trusted packages when it reads records; a job that asks for
 * records of a class has chosen to trust it, so the formats add that class and the classes of the
 * records nested in its schema to the trusted ones, and nothing else.
 */
final class AvroClassTrust {

  private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
  private static boolean installed;

  private AvroClassTrust() {}

  /** Trusts {@code recordClass} and the classes Avro would load for the named types in {@code schema}. */
  static void trust(Class<?> recordClass, Schema schema) {
    install();
    TRUSTED.add(recordClass.getName());
    addNamedTypes(schema, new HashSet<>());
  }

  private static void addNamedTypes(Schema schema, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        String name = schema.getFullName();
        if (!seen.add(name)) {
          return;
        }
        TRUSTED.add(name);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
          // A nested class: Avro names it namespace.Outer.Inner, Java Outer$Inner.
          TRUSTED.add(name.substring(0, dot) + "$" + name.substring(dot + 1));
        }
        if (schema.getType() == Schema.Type.RECORD) {
          for (Schema.Field field : schema.getFields()) {
            addNamedTypes(field.schema(), seen);
          }
        }
      }
      case ARRAY -> addNamedTypes(schema.getElementType(), seen);
      case MAP -> addNamedTypes(schema.getValueType(), seen);
      case UNION -> schema.getTypes().forEach(branch -> addNamedTypes(branch, seen));
      default -> { }
    }
  }

  private static synchronized void install() {
    if (!installed) {
      ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
          type -> TRUSTED.contains(type.getName())));
      installed = true;
    }
  }
}
