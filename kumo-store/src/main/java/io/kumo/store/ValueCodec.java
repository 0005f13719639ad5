package io.kumo.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns stored values into JSON and back. */
final class ValueCodec {

    private final ObjectMapper mapper = newMapper();

    // Records evolve between Kumo versions: unknown properties are ignored, Instants are ISO
    // strings rather than epoch numbers, and a collection component added later reads back from
    // older data as empty rather than null. Only the components are stored (their fields), not
    // what helper methods such as getArn() or isDefault() compute.
    private static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .addModule(new JavaTimeModule())
                .addModule(new ImmutableCollectionsModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        for (Class<?> type : List.of(Collection.class, List.class, Set.class, Map.class)) {
            mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        }
        return mapper;
    }

    byte[] encode(Object value) {
        if (value instanceof RawJson raw) {
            return raw.json();
        }
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise a " + value.getClass().getName() + " to JSON: " + e.getOriginalMessage(), e);
        }
    }

    <V> V decode(byte[] json, Class<V> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read a " + type.getName() + " back from its JSON: " + e.getMessage(), e);
        }
    }
}
