package dev.primer.service.imports;

import dev.primer.service.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an import body holds: one data set file's lines. */
public enum ImportKind {
  USERS,
  ACCOUNTS,
  RECORDS,
  INTERACTIONS,
  /** Explicit account shares (who may read an account besides owner, territory and team). */
  SHARES,
  /** Small record content in bulk; see ContentImporter. */
  CONTENT,
  /** The back office's record fields (ADR 0009): only the fields named change. */
  FIELDS,
  /** Records the back office deleted: they leave manifests; edits of them go to review. */
  DELETIONS;

  /** The name in the URL and in OrgDataChanged. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the URL segment; an unknown kind is a 404 that lists the known ones. */
  static ImportKind fromPath(String segment) {
    for (ImportKind kind : values()) {
      if (kind.wireName().equals(segment)) {
        return kind;
      }
    }
    throw new ProblemException(
        404,
        "not-found",
        "Not found",
        "no import of '"
            + segment
            + "'; the imports are "
            + Arrays.stream(values()).map(ImportKind::wireName).collect(Collectors.joining(", ")));
  }
}
