package io.spate.cli;

import io.spate.runtime.classloading.ChildFirstClassLoader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a job's class files so that their calls of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} (direct, or as method references) call {@link BlockedExit} instead, which
 * throws. A session JobManager loads the jar whose main method it runs through it: a main method
 * that ends with {@code System.exit} would otherwise end the JobManager and every job in it.
 *
 * <p>Chosen over a {@code SecurityManager}, which is deprecated for removal, must be allowed by a JVM
 * flag from Java 18 on, and once installed changes the behaviour of the whole process (every
 * permission check, the common fork-join pool's threads) rather than the job's code only. What it
 * does not see: exits through reflection or method handles looked up at run time, and exits by code
 * of libraries that Spate itself provides.
 */
final class ExitCallRewriter implements ChildFirstClassLoader.ClassFileTransformer {

  private static final String SYSTEM = "java/lang/System";
  private static final String RUNTIME = "java/lang/Runtime";
  private static final String TARGET = Type.getInternalName(BlockedExit.class);
  private static final String EXIT = "exit";
  private static final String HALT = "halt";
  private static final String STATUS_ONLY = "(I)V";
  private static final String RUNTIME_AND_STATUS = "(Ljava/lang/Runtime;I)V";

  @Override
  public byte[] transform(String className, byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    // No frames to recompute: each call is replaced by one that takes the same operands.
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] rewritten = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && isSystemExit(owner, name, descriptor)) {
              rewritten[0] = true;
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, EXIT, STATUS_ONLY, false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && isRuntimeExit(owner, name, descriptor)) {
              rewritten[0] = true;
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, name, RUNTIME_AND_STATUS, false);
            } else {
              super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
          }

          @Override
          public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] replaced = arguments.clone();
            for (int i = 0; i < replaced.length; i++) {
              replaced[i] = replace(replaced[i], rewritten);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, replaced);
          }

          @Override
          public void visitLdcInsn(Object value) {
            super.visitLdcInsn(replace(value, rewritten));
          }
        };
      }
    }, 0);
    return rewritten[0] ? writer.toByteArray() : classFile;
  }

  /** {@code value}, or a handle of {@link BlockedExit} if it is a method handle of an exit call. */
  private static Object replace(Object value, boolean[] rewritten) {
    if (value instanceof Handle handle) {
      if (handle.getTag() == Opcodes.H_INVOKESTATIC && isSystemExit(handle.getOwner(), handle.getName(),
          handle.getDesc())) {
        rewritten[0] = true;
        return new Handle(Opcodes.H_INVOKESTATIC, TARGET, EXIT, STATUS_ONLY, false);
      }
      if (handle.getTag() == Opcodes.H_INVOKEVIRTUAL && isRuntimeExit(handle.getOwner(), handle.getName(),
          handle.getDesc())) {
        rewritten[0] = true;
        return new Handle(Opcodes.H_INVOKESTATIC, TARGET, handle.getName(), RUNTIME_AND_STATUS, false);
      }
    }
    return value;
  }

  private static boolean isSystemExit(String owner, String name, String descriptor) {
    return owner.equals(SYSTEM) && name.equals(EXIT) && descriptor.equals(STATUS_ONLY);
  }

  private static boolean isRuntimeExit(String owner, String name, String descriptor) {
    return owner.equals(RUNTIME) && (name.equals(EXIT) || name.equals(HALT)) && descriptor.equals(STATUS_ONLY);
  }
}
