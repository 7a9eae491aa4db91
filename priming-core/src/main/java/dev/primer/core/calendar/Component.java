package dev.primer.core.calendar;

import java.util.List;
import java.util.Optional;

/** A BEGIN:NAME ... END:NAME block: its properties in file order and its nested blocks. */
record Component(String name, int line, List<ContentLine> properties, List<Component> children) {
  Component {
    properties = List.copyOf(properties);
    children = List.copyOf(children);
  }

  List<ContentLine> all(String propertyName) {
    return properties.stream().filter(p -> p.name().equals(propertyName)).toList();
  }

  Optional<ContentLine> first(String propertyName) {
    return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
  }

  List<Component> children(String componentName) {
    return children.stream().filter(c -> c.name().equals(componentName)).toList();
  }
}
