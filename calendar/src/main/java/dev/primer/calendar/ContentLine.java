package dev.primer.calendar;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One unfolded content line, NAME;PARAM=VALUE:value, with the physical line it starts on. */
record ContentLine(int line, String name, Map<String, List<String>> params, String value) {
  ContentLine {
    params = Map.copyOf(params);
  }

  /** The first value of a parameter, if the line has it. */
  Optional<String> param(String paramName) {
    List<String> values = params.get(paramName);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
