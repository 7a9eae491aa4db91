package dev.primer.core.appointments.link;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link AppointmentLinker} decides.
 *
 * @param radiusMeters how far a GEO position may be from an account and still link to it
 * @param freeMailDomains attendee domains that say nothing about the attendee's company
 */
public record LinkerSettings(double radiusMeters, Set<String> freeMailDomains) {
  /** A few hundred metres: a site's car park, not the neighbouring business park. */
  public static final LinkerSettings DEFAULTS = new LinkerSettings(300, bundledFreeMailDomains());

  public LinkerSettings {
    if (!(radiusMeters > 0)) {
      throw new IllegalArgumentException("radiusMeters must be > 0, was " + radiusMeters);
    }
    freeMailDomains = Set.copyOf(freeMailDomains);
  }

  /** The list in free-mail-domains.txt next to this class. */
  public static Set<String> bundledFreeMailDomains() {
    var in = LinkerSettings.class.getResourceAsStream("free-mail-domains.txt");
    Set<String> domains = new HashSet<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          domains.add(line.trim().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read free-mail-domains.txt", e);
    }
    return Set.copyOf(domains);
  }
}
