package io.spate.api.datastream;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;

/** Type information of {@link TaggedUnion}s: a tag byte, then the value with its side's serializer. */
final class TaggedUnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T1> oneType;
  private final TypeInformation<T2> twoType;

  TaggedUnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
    this.oneType = oneType;
    this.twoType = twoType;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<TaggedUnion<T1, T2>> getTypeClass() {
    return (Class) TaggedUnion.class;
  }

  @Override
  public TypeSerializer<TaggedUnion<T1, T2>> createSerializer() {
    return new Serializer<>(oneType.createSerializer(), twoType.createSerializer());
  }

  @Override
  public int keyHash(TaggedUnion<T1, T2> value) {
    throw new InvalidTypesException("A tagged union of two inputs is never a key.");
  }

  @Override
  public void checkValidKey() {
    throw new InvalidTypesException("A tagged union of two inputs is never a key.");
  }

  @Override
  public <F> FieldAccessor<TaggedUnion<T1, T2>, F> fieldAccessor(String fieldExpression) {
    throw new InvalidTypesException("A tagged union of two inputs has no fields.");
  }

  @Override
  public <F> FieldAccessor<TaggedUnion<T1, T2>, F> fieldAccessor(int position) {
    throw new InvalidTypesException("A tagged union of two inputs has no fields.");
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public String toString() {
    return "TaggedUnion<" + oneType + ", " + twoType + ">";
  }

  private static final class Serializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T1> one;
    private final TypeSerializer<T2> two;

    Serializer(TypeSerializer<T1> one, TypeSerializer<T2> two) {
      this.one = one;
      this.two = two;
    }

    @Override
    public void serialize(TaggedUnion<T1, T2> value, DataOutputView target) throws IOException {
      if (value.isOne()) {
        target.writeByte(1);
        one.serialize(value.getOne(), target);
      } else {
        target.writeByte(2);
        two.serialize(value.getTwo(), target);
      }
    }

    @Override
    public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
      byte tag = source.readByte();
      return switch (tag) {
        case 1 -> TaggedUnion.one(one.deserialize(source));
        case 2 -> TaggedUnion.two(two.deserialize(source));
        default -> throw new IOException("Corrupt input: tagged union tag " + tag + ", expected 1 or 2");
      };
    }

    @Override
    public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> value) {
      return value.isOne() ? TaggedUnion.one(one.copy(value.getOne())) : TaggedUnion.two(two.copy(value.getTwo()));
    }

    @Override
    public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
      TypeSerializer<T1> o = one.duplicate();
      TypeSerializer<T2> t = two.duplicate();
      return o == one && t == two ? this : new Serializer<>(o, t);
    }
  }
}
