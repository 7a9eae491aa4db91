package dev.primer.testdata.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primer.core.dataset.Account;
import dev.primer.core.dataset.CrmRecord;
import dev.primer.core.dataset.RecordType;
import dev.primer.territory.GeoPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
  private static final Account ACME =
      new Account("a1", "ACME Pumps", "acme.example", "1 Main St", new GeoPoint(41.9, -87.6), "u1");

  private static CrmRecord record(String id, RecordType type, String title) {
    return new CrmRecord(id, "a1", type, title, 500, 1, Instant.EPOCH, List.of());
  }

  @Test
  void aContactGetsNameRolePhoneAndAnEmailAtItsAccountsDomain() {
    Map<String, String> f =
        RecordFields.of(record("c1", RecordType.CONTACT, "Jane Doe, plant manager"), ACME);
    assertThat(f).containsEntry("name", "Jane Doe").containsEntry("role", "plant manager");
    assertThat(f.get("email")).isEqualTo("jane.doe@acme.example");
    assertThat(f.get("phone")).matches("\\+1 312 555 \\d{4}");
  }

  @Test
  void thePartsCountIsANumberAndTagsAreASortedSet() {
    for (int i = 0; i < 50; i++) {
      Map<String, String> part =
          RecordFields.of(record("p" + i, RecordType.PARTS_INVENTORY, "Gaskets"), ACME);
      assertThat(Integer.parseInt(part.get("quantity"))).isBetween(5, 204);
      String tags =
          RecordFields.of(record("ap" + i, RecordType.ACCOUNT_PROFILE, "Profile"), ACME)
              .get("tags");
      List<String> members = tags.isEmpty() ? List.of() : List.of(tags.split(","));
      assertThat(members).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void theSameRecordAlwaysGetsTheSameFieldsAndBackOfficeOnlyTypesNone() {
    CrmRecord r = record("s1", RecordType.SERVICE_HISTORY, "Service report");
    assertThat(RecordFields.of(r, ACME)).isEqualTo(RecordFields.of(r, ACME)).containsKeys("status");
    assertThat(RecordFields.of(record("x", RecordType.PRICE_LIST, "Prices"), ACME)).isEmpty();
    assertThat(RecordFields.of(record("y", RecordType.SCHEMATIC, "Pump"), ACME)).isEmpty();
  }
}
