package dev.primer.service.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shape Jackson gives a protocol record, read by reflection over its components: each
 * property's name and JSON type, written as the OpenAPI document spells it ({@code string}, {@code
 * integer}, {@code string:base64}, {@code array of ref:ManifestEntry}, …).
 */
final class WireShape {
  private WireShape() {}

  /** Property name → JSON type of the record as Jackson writes it. */
  static Map<String, String> of(Class<?> record) {
    if (!record.isRecord()) {
      throw new IllegalArgumentException(record + " is not a record");
    }
    Map<String, String> shape = new LinkedHashMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      if (ignored(record, c)) {
        continue;
      }
      shape.put(name(record, c), jsonType(c.getGenericType()));
    }
    return shape;
  }

  /** The JSON type of a Java type as the document spells it. */
  static String jsonType(Type type) {
    if (type instanceof ParameterizedType p
        && p.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      return "array of " + jsonType(p.getActualTypeArguments()[0]);
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("no JSON type for " + type);
    }
    if (c == String.class) {
      return "string";
    }
    if (c == byte[].class) {
      return "string:base64"; // how Jackson writes bytes
    }
    if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      return "integer";
    }
    if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
      return "number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    if (c.isEnum() || c.isRecord()) {
      return "ref:" + c.getSimpleName();
    }
    throw new IllegalArgumentException("no JSON type for " + c);
  }

  // Jackson's annotations do not target record components: they land on the field and the
  // accessor, so both are asked.
  private static boolean ignored(Class<?> record, RecordComponent c) {
    return annotated(record, c, JsonIgnore.class) != null;
  }

  private static String name(Class<?> record, RecordComponent c) {
    JsonProperty p = annotated(record, c, JsonProperty.class);
    return p == null || p.value().isEmpty() ? c.getName() : p.value();
  }

  private static <A extends Annotation> A annotated(
      Class<?> record, RecordComponent c, Class<A> annotation) {
    for (AnnotatedElement e : new AnnotatedElement[] {c.getAccessor(), field(record, c)}) {
      A a = e.getAnnotation(annotation);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static AnnotatedElement field(Class<?> record, RecordComponent c) {
    try {
      return record.getDeclaredField(c.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("a record without its component field: " + c, e);
    }
  }
}
