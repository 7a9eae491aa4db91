package dev.primer.calendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A BEGIN:NAME ... END:NAME block: its properties in file order, indexed by name because a VEVENT
 * is asked for some twenty of them, and its nested blocks.
 */
final class Component {
  private final String name;
  private final int line;
  private final List<ContentLine> properties;
  private final List<Component> children;
  private final Map<String, List<ContentLine>> byName = new HashMap<>();

  Component(String name, int line, List<ContentLine> properties, List<Component> children) {
    this.name = name;
    this.line = line;
    this.properties = List.copyOf(properties);
    this.children = List.copyOf(children);
    for (ContentLine property : this.properties) {
      byName.computeIfAbsent(property.name(), k -> new ArrayList<>(1)).add(property);
    }
  }

  String name() {
    return name;
  }

  int line() {
    return line;
  }

  List<ContentLine> properties() {
    return properties;
  }

  List<Component> children() {
    return children;
  }

  List<ContentLine> all(String propertyName) {
    return byName.getOrDefault(propertyName, List.of());
  }

  Optional<ContentLine> first(String propertyName) {
    List<ContentLine> all = all(propertyName);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  List<Component> children(String componentName) {
    return children.stream().filter(c -> c.name().equals(componentName)).toList();
  }
}
