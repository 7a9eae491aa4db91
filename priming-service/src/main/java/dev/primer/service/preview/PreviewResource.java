package dev.primer.service.preview;

import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.auth.Roles;
import dev.primer.service.manifest.ManifestService;
import dev.primer.service.selection.SelectionService;
import dev.primer.service.selection.UserSelection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An admin's what-if: what a user's manifest would hold for a budget, and how well it would do. */
@Path("/v1/users/{id}/preview")
@RolesAllowed(Roles.ADMIN)
public class PreviewResource {
  private static final int TOP = 50;

  @Inject ManifestService manifests;
  @Inject SelectionService selections;

  /** The preview of the user's next shift day. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Preview preview(@PathParam("id") String userId, @QueryParam("budget") String budget) {
    long bytes = manifests.budget(Optional.ofNullable(budget));
    UserSelection s = selections.selectionFor(userId, bytes);
    Map<String, Long> bytesByType = new TreeMap<>();
    Map<String, Integer> entriesByType = new TreeMap<>();
    int guaranteed = 0;
    double scores = 0;
    for (ManifestEntry e : s.entries()) {
      bytesByType.merge(e.type(), e.sizeBytes(), Long::sum);
      entriesByType.merge(e.type(), 1, Integer::sum);
      if (e.guaranteed()) {
        guaranteed++;
      }
      scores += e.score();
    }
    Double expected = null;
    Double hitRate = null;
    if (s.expectedAccesses().isPresent()) {
      expected = s.expectedAccesses().getAsDouble();
      hitRate = expected > 0 ? Math.min(1.0, scores / expected) : 0.0;
    }
    return new Preview(
        userId,
        s.day(),
        s.modelId(),
        s.selector(),
        s.note(),
        s.budget(),
        s.bytes(),
        s.entries().size(),
        guaranteed,
        s.entries().size() - guaranteed,
        bytesByType,
        entriesByType,
        expected,
        hitRate,
        s.notFitted(),
        s.entries().subList(0, Math.min(TOP, s.entries().size())));
  }
}
