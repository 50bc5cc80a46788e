package io.spate.api.typeinfo;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the output type of a user function: through the generic class hierarchy for classes, and
 * through the implementation method named by {@link SerializedLambda} for lambdas and method
 * references. What cannot be determined becomes a {@link MissingTypeInfo}.
 */
final class ReturnTypeResolver {

  private ReturnTypeResolver() {}

  @SuppressWarnings("unchecked")
  static <OUT> TypeInformation<OUT> resolve(
      Object function,
      Class<?> baseType,
      int[] inputIndexes,
      TypeInformation<?>[] inputTypes,
      int outputIndex,
      String operatorName) {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(baseType, "functionBaseType");
    TypeVariable<?>[] parameters = baseType.getTypeParameters();
    if (outputIndex < 0 || outputIndex >= parameters.length) {
      throw new IllegalArgumentException(
          baseType.getName() + " has no type parameter at output index " + outputIndex);
    }
    for (int index : inputIndexes) {
      if (index >= parameters.length) {
        throw new IllegalArgumentException(
            baseType.getName() + " has no type parameter at input index " + index);
      }
    }
    if (!baseType.isInstance(function)) {
      throw new IllegalArgumentException(
          function.getClass().getName() + " is not a " + baseType.getName());
    }
    String operator = operatorName == null ? function.getClass().getName() : operatorName;
    try {
      Type[] arguments = typeArguments(function.getClass(), baseType);
      if (arguments != null) {
        Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
        for (int k = 0; k < inputIndexes.length; k++) {
          if (inputIndexes[k] >= 0 && inputTypes[k] != null) {
            bindFromInput(arguments[inputIndexes[k]], inputTypes[k], bindings);
          }
        }
        return (TypeInformation<OUT>) outputType(arguments[outputIndex], bindings);
      }
      SerializedLambda lambda = serializedLambda(function);
      if (lambda == null) {
        return new MissingTypeInfo<>(
            operator,
            "the class " + function.getClass().getName() + " implements " + baseType.getName()
                + " as a raw type, without type arguments");
      }
      return (TypeInformation<OUT>)
          fromLambda(function, lambda, baseType, inputIndexes, inputTypes, outputIndex);
    } catch (ExtractionFailure e) {
      return new MissingTypeInfo<>(operator, e.getReason(), e.getReturnsExample());
    }
  }

  /**
   * The type arguments that {@code type} gives to {@code base}'s type parameters, in terms of
   * concrete types and {@code type}'s own type variables; null if {@code base} is reached only
   * through a raw type, which erased them.
   */
  static Type[] typeArguments(Class<?> type, Class<?> base) {
    return walk(type, Map.of(), base);
  }

  private static Type[] walk(Class<?> type, Map<TypeVariable<?>, Type> bindings, Class<?> base) {
    if (type == base) {
      TypeVariable<?>[] parameters = base.getTypeParameters();
      Type[] result = new Type[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        result[i] = bindings.get(parameters[i]);
        if (result[i] == null) {
          return null;
        }
      }
      return result;
    }
    List<Type> supertypes = new ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      supertypes.add(type.getGenericSuperclass());
    }
    supertypes.addAll(List.of(type.getGenericInterfaces()));
    for (Type supertype : supertypes) {
      Class<?> raw = SyntheticTypes.erase(supertype);
      if (raw == null || !base.isAssignableFrom(raw)) {
        continue;
      }
      Type[] found;
      if (supertype instanceof ParameterizedType parameterized) {
        TypeVariable<?>[] parameters = raw.getTypeParameters();
        Type[] args = parameterized.getActualTypeArguments();
        Map<TypeVariable<?>, Type> next = new HashMap<>();
        for (int i = 0; i < parameters.length; i++) {
          next.put(parameters[i], SyntheticTypes.substitute(args[i], bindings));
        }
        found = walk(raw, next, base);
      } else {
        // A raw generic supertype has had its type arguments erased.
        found = raw.getTypeParameters().length > 0 ? null : walk(raw, Map.of(), base);
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * Binds the type variables in {@code declared} to the parts of {@code input} they stand for: for
   * {@code declared} = {@code List<T>} and {@code input} = {@code List<String>}, T = String.
   */
  static void bindFromInput(
      Type declared, TypeInformation<?> input, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
    if (declared instanceof TypeVariable<?> variable) {
      bindings.putIfAbsent(variable, input);
      return;
    }
    if (declared instanceof GenericArrayType array && input instanceof ObjectArrayTypeInfo<?> info) {
      bindFromInput(array.getGenericComponentType(), info.getComponentType(), bindings);
      return;
    }
    if (!(declared instanceof ParameterizedType parameterized)) {
      return;
    }
    Type[] args = parameterized.getActualTypeArguments();
    Class<?> raw = (Class<?>) parameterized.getRawType();
    if (input instanceof ListTypeInfo<?> list && List.class.isAssignableFrom(raw)) {
      bindFromInput(args[0], list.getElementType(), bindings);
    } else if (input instanceof MapTypeInfo<?, ?> map && Map.class.isAssignableFrom(raw)) {
      bindFromInput(args[0], map.getKeyType(), bindings);
      bindFromInput(args[1], map.getValueType(), bindings);
    } else if (input instanceof OptionalTypeInfo<?> optional && raw == java.util.Optional.class) {
      bindFromInput(args[0], optional.getElementType(), bindings);
    } else if (input instanceof EitherTypeInfo<?, ?> either && raw == io.spate.api.types.Either.class) {
      bindFromInput(args[0], either.getLeftType(), bindings);
      bindFromInput(args[1], either.getRightType(), bindings);
    } else if (input instanceof CompositeTypeInfo<?> composite && composite.getTypeClass() == raw) {
      List<TypeInformation<?>> known = composite.getTypeArguments();
      for (int i = 0; i < args.length && i < known.size(); i++) {
        bindFromInput(args[i], known.get(i), bindings);
      }
    }
  }

  /** The serialized form of a lambda or method reference, or null if {@code function} is none. */
  private static SerializedLambda serializedLambda(Object function) {
    Class<?> type = function.getClass();
    if (!type.isSynthetic()) {
      return null;
    }
    try {
      Method writeReplace = type.getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static TypeInformation<?> fromLambda(
      Object function,
      SerializedLambda lambda,
      Class<?> baseType,
      int[] inputIndexes,
      TypeInformation<?>[] inputTypes,
      int outputIndex) {
    ClassLoader loader = function.getClass().getClassLoader();
    Class<?> implClass;
    MethodType implType;
    try {
      implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
      implType = MethodType.fromMethodDescriptorString(lambda.getImplMethodSignature(), loader);
    } catch (ClassNotFoundException | RuntimeException e) {
      throw new ExtractionFailure(
          "the implementation of the lambda or method reference (" + lambda.getImplClass() + "."
              + lambda.getImplMethodName() + ") could not be loaded: " + e);
    }
    int kind = lambda.getImplMethodKind();
    boolean isLambdaBody = lambda.getImplMethodName().startsWith("lambda$");
    boolean isConstructor = kind == MethodHandleInfo.REF_newInvokeSpecial;
    String description =
        isLambdaBody
            ? "the lambda"
            : "the method reference " + implClass.getSimpleName() + "::"
                + (isConstructor ? "new" : lambda.getImplMethodName());

    Type implReturn;
    Type[] implParams;
    Type receiver = null;
    boolean isStatic;
    if (isConstructor) {
      Constructor<?> constructor = findConstructor(implClass, implType, description);
      implParams = constructor.getGenericParameterTypes();
      if (implParams.length != implType.parameterCount()) {
        implParams = constructor.getParameterTypes();
      }
      implReturn = SyntheticTypes.selfType(implClass);
      isStatic = true;
    } else {
      Method method = findMethod(implClass, lambda.getImplMethodName(), implType, description);
      implParams = method.getGenericParameterTypes();
      implReturn = method.getGenericReturnType();
      isStatic = Modifier.isStatic(method.getModifiers());
      if (!isStatic && lambda.getCapturedArgCount() == 0) {
        // An unbound method reference such as Bid::price: the first input is the receiver.
        receiver = SyntheticTypes.selfType(implClass);
      }
    }
    int captured = lambda.getCapturedArgCount();
    // Where the functional method's parameter i lands among the implementation's parameters.
    int offset = receiver != null ? -1 : isStatic ? captured : captured - 1;

    Method sam =
        findSam(
            baseType,
            lambda.getFunctionalInterfaceMethodName(),
            lambda.getFunctionalInterfaceMethodSignature(),
            loader);
    Map<TypeVariable<?>, Type> samBindings = new HashMap<>();
    if (sam.getDeclaringClass() != baseType) {
      Type[] declared = typeArguments(baseType, sam.getDeclaringClass());
      if (declared != null) {
        TypeVariable<?>[] parameters = sam.getDeclaringClass().getTypeParameters();
        for (int i = 0; i < parameters.length; i++) {
          samBindings.put(parameters[i], declared[i]);
        }
      }
    }
    Type samReturn = SyntheticTypes.substitute(sam.getGenericReturnType(), samBindings);
    Type[] samParams = sam.getGenericParameterTypes();
    for (int i = 0; i < samParams.length; i++) {
      samParams[i] = SyntheticTypes.substitute(samParams[i], samBindings);
    }
    TypeVariable<?> outputVariable = baseType.getTypeParameters()[outputIndex];

    Type output;
    if (SyntheticTypes.mentions(samReturn, outputVariable)) {
      if (implReturn instanceof Class<?> c && c.getTypeParameters().length > 0) {
        throw new ExtractionFailure(
            isLambdaBody
                ? "the lambda returns " + c.getName() + ", whose type arguments the Java compiler"
                    + " erases from lambda bodies"
                : description + " returns the raw type " + c.getName()
                    + ", without type arguments");
      }
      if (isLambdaBody && implReturn == Object.class) {
        throw new ExtractionFailure(
            "the lambda's result type is erased to java.lang.Object: it is a type variable or"
                + " Object itself");
      }
      output = SyntheticTypes.match(samReturn, implReturn, outputVariable);
      if (output == null) {
        throw new ExtractionFailure(
            description + " returns " + implReturn.getTypeName() + ", which does not match "
                + samReturn.getTypeName() + " of " + baseType.getSimpleName() + "." + sam.getName());
      }
    } else {
      int carrier = -1;
      for (int i = 0; i < samParams.length && carrier < 0; i++) {
        if (SyntheticTypes.mentions(samParams[i], outputVariable)) {
          carrier = i;
        }
      }
      if (carrier < 0) {
        throw new ExtractionFailure(
            "the type parameter " + outputVariable.getName() + " of " + baseType.getName()
                + " appears neither in the parameters nor in the result of " + sam.getName());
      }
      Type implParam = implParameter(carrier, offset, receiver, implParams);
      output = implParam == null ? null : SyntheticTypes.match(samParams[carrier], implParam, outputVariable);
      if (output == null) {
        throw new ExtractionFailure(
            description + " emits its output through a parameter of type "
                + samParams[carrier].getTypeName() + ", whose type argument the Java compiler"
                + " erases from lambdas");
      }
    }

    Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
    TypeVariable<?>[] baseParameters = baseType.getTypeParameters();
    for (int k = 0; k < inputIndexes.length; k++) {
      if (inputIndexes[k] < 0 || inputTypes[k] == null) {
        continue;
      }
      TypeVariable<?> inputVariable = baseParameters[inputIndexes[k]];
      for (int i = 0; i < samParams.length; i++) {
        if (samParams[i].equals(inputVariable)) {
          Type implParam = implParameter(i, offset, receiver, implParams);
          if (implParam != null) {
            bindFromInput(implParam, inputTypes[k], bindings);
          }
        }
      }
    }
    return outputType(output, bindings);
  }

  /**
   * The type information of {@code output}; if it depends on an input whose own type is missing,
   * that input's {@link MissingTypeInfo}, so that the first undetermined operator is the one
   * reported.
   */
  private static TypeInformation<?> outputType(
      Type output, Map<TypeVariable<?>, TypeInformation<?>> bindings) {
    for (Map.Entry<TypeVariable<?>, TypeInformation<?>> binding : bindings.entrySet()) {
      if (binding.getValue() instanceof MissingTypeInfo<?> missing
          && SyntheticTypes.mentions(output, binding.getKey())) {
        return missing;
      }
    }
    return TypeExtractor.createTypeInfo(output, bindings);
  }

  private static Type implParameter(int samIndex, int offset, Type receiver, Type[] implParams) {
    if (offset < 0) {
      if (samIndex == 0) {
        return receiver;
      }
      return samIndex - 1 < implParams.length ? implParams[samIndex - 1] : null;
    }
    int index = offset + samIndex;
    return index >= 0 && index < implParams.length ? implParams[index] : null;
  }

  private static Method findSam(
      Class<?> baseType, String name, String descriptor, ClassLoader loader) {
    int parameterCount = MethodType.fromMethodDescriptorString(descriptor, loader).parameterCount();
    for (Method method : baseType.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers())
          && method.getName().equals(name)
          && method.getParameterCount() == parameterCount) {
        return method;
      }
    }
    throw new ExtractionFailure(
        "the lambda implements the method " + name + ", which " + baseType.getName()
            + " does not declare");
  }

  private static Method findMethod(
      Class<?> type, String name, MethodType methodType, String description) {
    List<Class<?>> pending = new ArrayList<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> candidate = pending.remove(0);
      for (Method method : candidate.getDeclaredMethods()) {
        if (method.getName().equals(name)
            && method.getReturnType() == methodType.returnType()
            && java.util.Arrays.equals(method.getParameterTypes(), methodType.parameterArray())) {
          return method;
        }
      }
      if (candidate.getSuperclass() != null) {
        pending.add(candidate.getSuperclass());
      }
      pending.addAll(List.of(candidate.getInterfaces()));
    }
    throw new ExtractionFailure(
        "the implementation method of " + description + " could not be found");
  }

  private static Constructor<?> findConstructor(
      Class<?> type, MethodType methodType, String description) {
    try {
      return type.getDeclaredConstructor(methodType.parameterArray());
    } catch (NoSuchMethodException e) {
      throw new ExtractionFailure("the constructor of " + description + " could not be found");
    }
  }
}
