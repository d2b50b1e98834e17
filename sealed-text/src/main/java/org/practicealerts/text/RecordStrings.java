package org.practicealerts.text;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.practicealerts.events.FreeText;

/**
 * Copies of records with some of their strings replaced, through nested records and lists: how commands get their
 * {@link FreeText} sealed and reports get their sealed text opened, without a hand-written copy per type.
 */
final class RecordStrings {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private RecordStrings() {
    }

    /** {@code value} with {@code f} applied to every {@link FreeText} string in it (no other string). */
    static <T> T mapFreeText(T value, UnaryOperator<String> f) {
        return map(value, f, true);
    }

    /** {@code value} with {@code f} applied to every string in it. */
    static <T> T mapAll(T value, UnaryOperator<String> f) {
        return map(value, f, false);
    }

    @SuppressWarnings("unchecked")
    private static <T> T map(T value, UnaryOperator<String> f, boolean freeTextOnly) {
        return (T) mapValue(value, f, freeTextOnly, !freeTextOnly);
    }

    private static Object mapValue(Object value, UnaryOperator<String> f, boolean freeTextOnly, boolean selected) {
        if (value instanceof String s) {
            return selected ? f.apply(s) : s;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            boolean changed = false;
            for (Object element : list) {
                Object mapped = mapValue(element, f, freeTextOnly, selected);
                changed |= mapped != element;
                out.add(mapped);
            }
            return changed ? Collections.unmodifiableList(out) : list;
        }
        if (value != null && value.getClass().isRecord()) {
            return SHAPES.get(value.getClass()).map(value, f, freeTextOnly);
        }
        return value;
    }

    /** A record type's components and canonical constructor, looked up once per type. */
    private record Shape(RecordComponent[] components, boolean[] freeText, Constructor<?> canonical) {

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            boolean[] freeText = new boolean[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                freeText[i] = components[i].isAnnotationPresent(FreeText.class);
                types[i] = components[i].getType();
                components[i].getAccessor().setAccessible(true);
            }
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return new Shape(components, freeText, canonical);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
            }
        }

        Object map(Object record, UnaryOperator<String> f, boolean freeTextOnly) {
            Object[] args = new Object[components.length];
            boolean changed = false;
            try {
                for (int i = 0; i < components.length; i++) {
                    Object value = components[i].getAccessor().invoke(record);
                    Object mapped = mapValue(value, f, freeTextOnly, !freeTextOnly || freeText[i]);
                    changed |= mapped != value;
                    args[i] = mapped;
                }
                return changed ? canonical.newInstance(args) : record;
            } catch (IllegalAccessException | InstantiationException e) {
                throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("cannot copy " + record.getClass().getName(), e.getCause());
            }
        }
    }
}
