package dev.primer.core.dataset;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses enum constants by their wire name with an error that lists the accepted ones. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(
      Class<E> type, E[] values, Function<E, String> wireName, String name) {
    for (E value : values) {
      if (wireName.apply(value).equals(name)) {
        return value;
      }
    }
    String accepted = Arrays.stream(values).map(wireName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " '" + name + "', expected one of: " + accepted);
  }
}
