package org.practicealerts.alert.config;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Axon's serializer, narrowed to the product's own types: a stored event, snapshot or token that names any other class
 * (a document written into the event store by someone else, aiming at a deserialisation gadget) is refused before
 * Jackson loads the class. The product's types are its events and aggregates ({@code org.practicealerts}) and Axon's
 * own messages and tracking tokens.
 */
final class ProductTypesSerializer implements Serializer {

    private static final String EMPTY = SimpleSerializedType.emptyType().getName();

    private final Serializer delegate;

    ProductTypesSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    static boolean allowed(String typeName) {
        return typeName == null || typeName.equals(EMPTY) || typeName.startsWith("org.practicealerts.")
                || typeName.startsWith("org.axonframework.");
    }

    private static void check(SerializedType type) {
        if (type != null && !allowed(type.getName())) {
            throw new SerializationException("refused to deserialise " + type.getName()
                    + ": not one of the product's event, aggregate or token types");
        }
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        check(serializedObject.getType());
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        check(type);
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
