package dev.primer.protocol.admin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The device budgets admins set ({@code GET /v1/budgets}): a ceiling, in bytes, on what the devices
 * of a role or of one rep are served, whatever budget a device asks for; a rep's own budget
 * overrides their role's.
 *
 * @param roles bytes per role wire name, e.g. {@code service}
 * @param users bytes per user id
 */
public record DeviceBudgets(Map<String, Long> roles, Map<String, Long> users) {
  /** Absent maps become empty ones; both are sorted by key. */
  public DeviceBudgets {
    roles =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNullElse(roles, Map.of())));
    users =
        java.util.Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNullElse(users, Map.of())));
  }

  /** What a device of {@code userId} (of {@code role}) asking for {@code asked} bytes is served. */
  public long served(String userId, String role, long asked) {
    Long ceiling = users.get(userId);
    if (ceiling == null) {
      ceiling = roles.get(role);
    }
    return ceiling == null ? asked : Math.min(asked, ceiling);
  }
}
