package dev.primer.service.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.primer.territory.TerritoryProblem;
import java.util.Locale;

/** A territory-geo problem as the API shows it; lat and lon are absent without a location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryProblemView(
    String territoryId, String severity, String code, String message, Double lat, Double lon) {
  static TerritoryProblemView of(TerritoryProblem p) {
    return new TerritoryProblemView(
        p.territoryId(),
        p.severity().name().toLowerCase(Locale.ROOT),
        p.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        p.message(),
        p.location().map(l -> l.lat()).orElse(null),
        p.location().map(l -> l.lon()).orElse(null));
  }
}
