package dev.primer.service.telemetry;

import dev.primer.core.dataset.User;
import dev.primer.protocol.telemetry.HitRateHistory;
import dev.primer.service.auth.Roles;
import dev.primer.service.openapi.ApiDefinition;
import dev.primer.service.problem.QueryParameters;
import dev.primer.service.snapshot.OrgSnapshot;
import dev.primer.service.snapshot.Snapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A rep's hit rate per day from their devices' telemetry (role admin). */
@Path("/v1/admin/users/{id}/hit-rate")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
@SecurityRequirement(name = ApiDefinition.BEARER, scopes = Roles.ADMIN)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "500", ref = ApiDefinition.SERVER_ERROR)
public class HitRateResource {
  static final int DEFAULT_DAYS = 28;
  static final int MAX_DAYS = 366;

  @Inject AgroalDataSource db;
  @Inject Snapshots snapshots;
  @Inject Clock clock;

  /** Hits and misses per day, in the rep's time zone, over the last {@code days} days. */
  @GET
  @Operation(summary = "A rep's hits and misses per day from their devices' telemetry")
  @APIResponse(
      responseCode = "200",
      description = "Every day of the window, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = HitRateHistory.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public HitRateHistory history(
      @Parameter(description = "The rep") @PathParam("id") String userId,
      @Parameter(description = "Days back from today, 1..366; default 28") @QueryParam("days")
          String days) {
    int window = QueryParameters.days(days, DEFAULT_DAYS, MAX_DAYS);
    OrgSnapshot s = snapshots.refreshIfChanged();
    User user = s.catalog().user(s.knownUser(userId));
    ZoneId zone = user.timezone();
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate first = today.minusDays(window - 1L);
    Map<LocalDate, long[]> counts = new HashMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT (at AT TIME ZONE ?)::date, count(*) FILTER (WHERE kind = 'hit'),"
                    + " count(*) FILTER (WHERE kind = 'miss') FROM telemetry_events"
                    + " WHERE user_id = ? AND at >= ? AND at < ? GROUP BY 1")) {
      q.setString(1, zone.getId());
      q.setString(2, userId);
      q.setTimestamp(3, Timestamp.from(first.atStartOfDay(zone).toInstant()));
      q.setTimestamp(4, Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getDate(1).toLocalDate(), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the telemetry of " + userId, e);
    }
    List<HitRateHistory.Day> out = new ArrayList<>(window);
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      long[] n = counts.getOrDefault(d, new long[2]);
      out.add(new HitRateHistory.Day(d.toString(), n[0], n[1]));
    }
    return new HitRateHistory(userId, zone.getId(), out);
  }
}
