package dev.primer.service.admin;

import dev.primer.core.catalog.Catalog;
import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.User;
import dev.primer.protocol.admin.MapPoints;
import dev.primer.protocol.admin.Rep;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.Snapshots;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation as the admin console shows it: reps, and accounts and homes on the map. */
@Path("/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class AdminOrgResource {
  @Inject Snapshots snapshots;

  /** Every rep with their role, team and territories, by id. */
  @GET
  @Path("reps")
  @Operation(summary = "Every rep with their role, team and territories")
  @APIResponse(
      responseCode = "200",
      description = "The reps, by id",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Rep.class)))
  public List<Rep> reps() {
    Catalog catalog = snapshots.refreshIfChanged().catalog();
    List<Rep> reps = new ArrayList<>(catalog.userCount());
    for (int u = 0; u < catalog.userCount(); u++) {
      User user = catalog.user(u);
      reps.add(
          new Rep(
              user.id(), user.name(), user.role().wireName(), user.teamId(), user.territoryIds()));
    }
    reps.sort(Comparator.comparing(Rep::id));
    return reps;
  }

  /** Every account's position and every rep's home, for the territory map. */
  @GET
  @Path("map-points")
  @Operation(summary = "Every account's position and every rep's home, for the territory map")
  @APIResponse(
      responseCode = "200",
      description = "The points",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MapPoints.class)))
  public MapPoints mapPoints() {
    OrgSnapshot s = snapshots.refreshIfChanged();
    Catalog catalog = s.catalog();
    List<MapPoints.AccountPoint> accounts = new ArrayList<>(catalog.accountCount());
    for (int a = 0; a < catalog.accountCount(); a++) {
      Account account = catalog.account(a);
      accounts.add(
          new MapPoints.AccountPoint(
              account.id(), account.name(), account.location().lat(), account.location().lon()));
    }
    List<MapPoints.HomePoint> homes = new ArrayList<>(catalog.userCount());
    for (int u = 0; u < catalog.userCount(); u++) {
      User user = catalog.user(u);
      homes.add(
          new MapPoints.HomePoint(user.id(), user.name(), user.home().lat(), user.home().lon()));
    }
    return new MapPoints(accounts, homes);
  }
}
