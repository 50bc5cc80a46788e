package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.serialization.SerializationTesting;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerFactory;
import java.lang.reflect.Type;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class TypeExtractorSerializerFactoryTest {

  @SuppressWarnings("unused") // read reflectively for its generic type
  private List<String> names;

  @Test
  void theTypeSystemIsTheRegisteredFactory() {
    assertThat(ServiceLoader.load(TypeSerializerFactory.class).stream().map(ServiceLoader.Provider::type))
        .containsExactly(TypeExtractorSerializerFactory.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aGenericTypeGetsTheSerializerItsTypeInformationMakes() throws Exception {
    Type listOfStrings = getClass().getDeclaredField("names").getGenericType();

    TypeSerializer<List<String>> serializer =
        (TypeSerializer<List<String>>) new TypeExtractorSerializerFactory().createSerializer(listOfStrings);

    assertThat(serializer).isEqualTo(TypeExtractor.createTypeInfo(listOfStrings).createSerializer());
    assertThat(SerializationTesting.roundTrip(serializer, List.of("a", "b"))).containsExactly("a", "b");
  }
}
