package dev.primer.calendar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Nests content lines into components. It repairs what it can so that one broken block does not
 * take its neighbours with it: a missing END is supplied (and reported) when the next block of the
 * same kind begins, when an outer END arrives, or at the end of the file.
 */
final class ComponentReader {
  /** Blocks that never nest inside themselves, so a second BEGIN means the first lost its END. */
  private static final Set<String> NON_NESTING =
      Set.of("VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "VALARM");

  private static final class Open {
    final String name;
    final int line;
    final List<ContentLine> properties = new ArrayList<>();
    final List<Component> children = new ArrayList<>();

    Open(String name, int line) {
      this.name = name;
      this.line = line;
    }

    Component close() {
      return new Component(name, line, properties, children);
    }
  }

  private ComponentReader() {}

  /** The top-level components of the text (normally one or more VCALENDARs). */
  static List<Component> read(String text, Consumer<Problem> problems) {
    List<Component> roots = new ArrayList<>();
    Deque<Open> stack = new ArrayDeque<>();
    for (ContentLexer.RawLine raw : ContentLexer.unfold(text)) {
      var parsed = ContentLexer.parse(raw, problems);
      if (parsed.isEmpty()) {
        continue;
      }
      ContentLine line = parsed.get();
      switch (line.name()) {
        case "BEGIN" -> begin(line, stack, roots, problems);
        case "END" -> end(line, stack, roots, problems);
        default -> {
          if (stack.isEmpty()) {
            problems.accept(
                new Problem(line.line(), line.name(), "property outside any component; ignored"));
          } else {
            stack.peek().properties.add(line);
          }
        }
      }
    }
    while (!stack.isEmpty()) {
      Open open = stack.peek();
      problems.accept(
          new Problem(
              open.line,
              open.name,
              "BEGIN:" + open.name + " is never closed; read up to the end of the file"));
      closeTop(stack, roots);
    }
    return roots;
  }

  private static void begin(
      ContentLine line, Deque<Open> stack, List<Component> roots, Consumer<Problem> problems) {
    String name = line.value().trim().toUpperCase(Locale.ROOT);
    if (NON_NESTING.contains(name) && stack.stream().anyMatch(o -> o.name.equals(name))) {
      while (!stack.peek().name.equals(name)) {
        reportUnclosed(stack.peek(), line, problems);
        closeTop(stack, roots);
      }
      reportUnclosed(stack.peek(), line, problems);
      closeTop(stack, roots);
    }
    stack.push(new Open(name, line.line()));
  }

  private static void end(
      ContentLine line, Deque<Open> stack, List<Component> roots, Consumer<Problem> problems) {
    String name = line.value().trim().toUpperCase(Locale.ROOT);
    if (stack.stream().noneMatch(o -> o.name.equals(name))) {
      problems.accept(
          new Problem(line.line(), "END", "END:" + name + " without a matching BEGIN; ignored"));
      return;
    }
    while (!stack.peek().name.equals(name)) {
      reportUnclosed(stack.peek(), line, problems);
      closeTop(stack, roots);
    }
    closeTop(stack, roots);
  }

  private static void reportUnclosed(Open open, ContentLine at, Consumer<Problem> problems) {
    problems.accept(
        new Problem(
            open.line,
            open.name,
            "BEGIN:"
                + open.name
                + " has no END before line "
                + at.line()
                + " ("
                + at.name()
                + ":"
                + at.value().trim()
                + "); closed it there"));
  }

  private static void closeTop(Deque<Open> stack, List<Component> roots) {
    Component done = stack.pop().close();
    if (stack.isEmpty()) {
      roots.add(done);
    } else {
      stack.peek().children.add(done);
    }
  }
}
