package dev.primer.territory;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a territory, as data: which territory, how bad, what, and where.
 *
 * @param territoryId the territory's id, or {@code #N} for the Nth feature (from 0) of a file when
 *     the feature had no usable id
 * @param severity how bad it is
 * @param code the kind of problem
 * @param message what is wrong, in words, including where when there is no single coordinate
 * @param location the coordinate at fault, when there is one and it is a valid position
 */
public record TerritoryProblem(
    String territoryId,
    Severity severity,
    ProblemCode code,
    String message,
    Optional<GeoPoint> location) {
  public TerritoryProblem {
    Objects.requireNonNull(territoryId, "territoryId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** An error without a single coordinate to point at. */
  public static TerritoryProblem error(String territoryId, ProblemCode code, String message) {
    return new TerritoryProblem(territoryId, Severity.ERROR, code, message, Optional.empty());
  }

  /** An error at a coordinate. */
  public static TerritoryProblem error(
      String territoryId, ProblemCode code, String message, Optional<GeoPoint> location) {
    return new TerritoryProblem(territoryId, Severity.ERROR, code, message, location);
  }

  /** A warning without a single coordinate to point at. */
  public static TerritoryProblem warning(String territoryId, ProblemCode code, String message) {
    return new TerritoryProblem(territoryId, Severity.WARNING, code, message, Optional.empty());
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The problem on one line, {@code id: what, where}, for example {@code 02: self-intersection, at
   * lat 61.05, lon -147.8}; warnings say so after the id.
   */
  public String toLine() {
    StringBuilder line = new StringBuilder(territoryId).append(": ");
    if (severity == Severity.WARNING) {
      line.append("warning: ");
    }
    line.append(message);
    location.ifPresent(
        p ->
            line.append(", at lat ")
                .append(Degrees.format(p.lat()))
                .append(", lon ")
                .append(Degrees.format(p.lon())));
    return line.toString();
  }
}
