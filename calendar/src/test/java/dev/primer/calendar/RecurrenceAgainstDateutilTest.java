package dev.primer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RRULE engine against python-dateutil, an independent implementation, on 400 random rules (see
 * calendar/dateutil-rrule-cases.py for how they were made and which rules were left out).
 */
class RecurrenceAgainstDateutilTest {
  @Test
  void everyRandomRuleExpandsToTheInstancesDateutilComputes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    var in = getClass().getResourceAsStream("/calendar/dateutil-rrule-cases.jsonl");
    try (var lines =
        new BufferedReader(
            new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode c = json.readTree(line);
        String rule = c.get("rule").asText();
        LocalDateTime start = LocalDateTime.parse(c.get("start").asText());
        LocalDateTime end = LocalDateTime.parse(c.get("end").asText());
        List<LocalDateTime> expected = new ArrayList<>();
        c.get("occ").forEach(o -> expected.add(LocalDateTime.parse(o.asText())));

        List<LocalDateTime> actual = new ArrayList<>();
        new RecurrenceIterator(
                RecurrenceRule.parse(rule), start, false, Optional.empty(), start, end, 1_000_000)
            .forEachRemaining(
                t -> {
                  if (!t.isAfter(end)) {
                    actual.add(t);
                  }
                });
        if (!actual.equals(expected)) {
          mismatches.add(rule + " from " + start);
        }
        cases++;
      }
    }
    assertThat(cases).isEqualTo(400);
    assertThat(mismatches).isEmpty();
  }
}
