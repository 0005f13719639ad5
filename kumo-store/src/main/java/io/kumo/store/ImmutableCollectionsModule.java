package io.kumo.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes the List, Set and Map components of values read from JSON unmodifiable. Values in the
 * store are shared by every reader; a handler that modified a list it read would change the store
 * without a transaction and without the change ever reaching the disk.
 */
final class ImmutableCollectionsModule extends SimpleModule {

    ImmutableCollectionsModule() {
        super("kumo-immutable-collections");
        // Components declared as interfaces get these marker classes, so the modifier below can
        // tell them from components declared as, say, ArrayList, which must stay what they are.
        addAbstractTypeMapping(Collection.class, StoreList.class);
        addAbstractTypeMapping(List.class, StoreList.class);
        addAbstractTypeMapping(Set.class, StoreSet.class);
        addAbstractTypeMapping(Map.class, StoreMap.class);
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                Class<?> raw = type.getRawClass();
                if (raw == StoreList.class) {
                    return new Unmodifiable(deserializer, v -> Collections.unmodifiableList((List<?>) v));
                }
                if (raw == StoreSet.class) {
                    return new Unmodifiable(deserializer, v -> Collections.unmodifiableSet((Set<?>) v));
                }
                return deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                if (type.getRawClass() == StoreMap.class) {
                    return new Unmodifiable(deserializer, v -> Collections.unmodifiableMap((Map<?, ?>) v));
                }
                return deserializer;
            }
        });
    }

    /** The list behind a List component. */
    public static final class StoreList<E> extends ArrayList<E> {
    }

    /** The set behind a Set component; keeps the order it was written in, so it iterates alike after a restart. */
    public static final class StoreSet<E> extends LinkedHashSet<E> {
    }

    /** The map behind a Map component; keeps the order it was written in. */
    public static final class StoreMap<K, V> extends LinkedHashMap<K, V> {
    }

    private static final class Unmodifiable extends DelegatingDeserializer {

        private final UnaryOperator<Object> wrap;

        Unmodifiable(JsonDeserializer<?> delegate, UnaryOperator<Object> wrap) {
            super(delegate);
            this.wrap = wrap;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Unmodifiable(newDelegatee, wrap);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = _delegatee.deserialize(parser, context);
            return value == null ? null : wrap.apply(value);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
            Object value = _delegatee.getEmptyValue(context);
            return value == null ? null : wrap.apply(value);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
            Object value = _delegatee.getAbsentValue(context);
            return value == null ? null : wrap.apply(value);
        }
    }
}
