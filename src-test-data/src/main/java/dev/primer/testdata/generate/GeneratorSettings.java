package dev.primer.testdata.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.primer.testdata.behaviour.Behaviour;
import dev.primer.testdata.behaviour.BehaviourLoader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param behaviourTree the full behaviour config as recorded in dataset.json
 * @param days how many days of history, by default the scale's
 */
public record GeneratorSettings(
    Scale scale,
    long seed,
    Behaviour behaviour,
    ObjectNode behaviourTree,
    LocalDate startDate,
    int days) {
  /** Data sets start on a Monday early in February 2026, so the US DST change falls inside. */
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 2, 2);

  public GeneratorSettings {
    Objects.requireNonNull(scale, "scale");
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be >= 0, was " + seed);
    }
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(behaviourTree, "behaviourTree");
    Objects.requireNonNull(startDate, "startDate");
    if (startDate.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("start date must be a Monday, was " + startDate);
    }
    if (days < 7 || days > 400) {
      throw new IllegalArgumentException("days must be within [7, 400], was " + days);
    }
  }

  /** The default behaviour at a scale and seed. */
  public static GeneratorSettings of(Scale scale, long seed) {
    return new GeneratorSettings(
        scale,
        seed,
        BehaviourLoader.defaults(),
        BehaviourLoader.defaultsTree(),
        DEFAULT_START,
        scale.days());
  }

  public GeneratorSettings withBehaviour(ObjectNode tree) {
    return new GeneratorSettings(
        scale, seed, BehaviourLoader.fromTree(tree), tree, startDate, days);
  }

  public GeneratorSettings withDays(int newDays) {
    return new GeneratorSettings(scale, seed, behaviour, behaviourTree, startDate, newDays);
  }
}
