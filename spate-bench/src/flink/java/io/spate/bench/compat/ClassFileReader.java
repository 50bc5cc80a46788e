package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.shaded.asm9.org.objectweb.asm.AnnotationVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassReader;
import org.apache.flink.shaded.asm9.org.objectweb.asm.ClassVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.MethodVisitor;
import org.apache.flink.shaded.asm9.org.objectweb.asm.Opcodes;
import org.apache.flink.shaded.asm9.org.objectweb.asm.Type;

/**
 * Reads a class file into a {@link ClassModel} with ASM (the copy Flink's jars bring), without loading the
 * class: Flink's {@code @Internal} has class retention, so reflection could not see it.
 */
final class ClassFileReader {

  private static final String FLINK_INTERNAL = "Lorg/apache/flink/annotation/Internal;";
  private static final String SPATE_INTERNAL = "Lio/spate/api/annotation/Internal;";

  private ClassFileReader() {}

  static ClassModel read(byte[] classFile, String origin) {
    ModelBuilder builder = new ModelBuilder(origin);
    new ClassReader(classFile).accept(builder, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
    return builder.model();
  }

  private static boolean isInternalMarker(String descriptor) {
    return descriptor.equals(FLINK_INTERNAL) || descriptor.equals(SPATE_INTERNAL);
  }

  private static String typeName(Type type) {
    return type.getClassName();
  }

  /** Collects what one class file says. */
  private static final class ModelBuilder extends ClassVisitor {
    private final String origin;
    private final List<MemberModel> members = new ArrayList<>();
    private String internalName;
    private int access;
    private boolean internal;
    private String outerName;
    private String superName;
    private List<String> interfaces = List.of();

    ModelBuilder(String origin) {
      super(Opcodes.ASM9);
      this.origin = origin;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      this.internalName = name;
      this.access = access;
      this.superName = superName == null ? null : superName.replace('/', '.');
      this.interfaces = Arrays.stream(interfaces).map(i -> i.replace('/', '.')).toList();
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      internal |= isInternalMarker(descriptor);
      return null;
    }

    @Override
    public void visitInnerClass(String name, String outer, String innerName, int innerAccess) {
      // A nested class's own entry carries its real modifiers: the class file's flags say public for protected too.
      if (name.equals(internalName)) {
        this.access = innerAccess | (access & Opcodes.ACC_SYNTHETIC);
        this.outerName = outer == null ? name.substring(0, Math.max(0, name.lastIndexOf('$'))).replace('/', '.')
            : outer.replace('/', '.');
      }
    }

    @Override
    public MethodVisitor visitMethod(int methodAccess, String name, String descriptor, String signature,
        String[] exceptions) {
      if (name.equals("<clinit>")) {
        return null;
      }
      return new MethodVisitor(Opcodes.ASM9) {
        private boolean memberInternal;

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          memberInternal |= isInternalMarker(annotation);
          return null;
        }

        @Override
        public void visitEnd() {
          members.add(new MemberModel(name,
              Arrays.stream(Type.getArgumentTypes(descriptor)).map(ClassFileReader::typeName).toList(),
              typeName(Type.getReturnType(descriptor)),
              (methodAccess & Opcodes.ACC_PUBLIC) != 0,
              (methodAccess & Opcodes.ACC_STATIC) != 0,
              (methodAccess & Opcodes.ACC_ABSTRACT) != 0,
              (methodAccess & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0,
              memberInternal));
        }
      };
    }

    ClassModel model() {
      return new ClassModel(internalName.replace('/', '.'), origin,
          (access & Opcodes.ACC_PUBLIC) != 0,
          (access & Opcodes.ACC_INTERFACE) != 0,
          internal,
          (access & Opcodes.ACC_SYNTHETIC) != 0,
          outerName == null || outerName.isEmpty() ? null : outerName,
          superName, interfaces, members);
    }
  }
}
