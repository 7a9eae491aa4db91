package dev.primer.service.budget;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static dev.primer.service.manifest.DeviceCalls.manifest;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.Fixture;
import dev.primer.service.manifest.ManifestTestProfile;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class DeviceBudgetTest {
  // Under the fixture's large schematic, so no device here holds it (another test counts on that).
  private static final long ASKED = 100_000;

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  private static RequestSpecification admin() {
    return TestTokens.as("boss", Roles.ADMIN).contentType("application/json");
  }

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  @AfterEach
  void noBudgets() throws Exception {
    // Other tests of this profile share the database and the service: they ask for budgets of
    // their own. Removed through the API, so the service forgets them at once.
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT scope, subject FROM device_budgets")) {
      while (rs.next()) {
        admin()
            .delete("/v1/budgets/" + rs.getString(1) + "s/" + rs.getString(2))
            .then()
            .statusCode(200);
      }
    }
  }

  @Test
  void aRolesBudgetCapsWhatItsDevicesAreServedWhateverTheyAsk() {
    String device = enrol("u1");
    admin()
        .body("{\"bytes\": 3000}")
        .put("/v1/budgets/roles/service")
        .then()
        .statusCode(200)
        .body("roles.service", equalTo(3000));
    manifest("u1", device, "budget=" + ASKED)
        .then()
        .statusCode(200)
        .body("budget", equalTo(3000))
        .body("bytes", lessThanOrEqualTo(3000));
    // A device asking for less than the budget gets what it asks for.
    manifest("u1", device, "budget=2000").then().statusCode(200).body("budget", equalTo(2000));
  }

  @Test
  void aRepsOwnBudgetOverridesTheRolesAndClearingItRestoresTheRoles() {
    String device = enrol("u3");
    admin().body("{\"bytes\": 3000}").put("/v1/budgets/roles/service").then().statusCode(200);
    admin()
        .body("{\"bytes\": 9000}")
        .put("/v1/budgets/users/u3")
        .then()
        .statusCode(200)
        .body("users.u3", equalTo(9000));
    manifest("u3", device, "budget=" + ASKED).then().statusCode(200).body("budget", equalTo(9000));
    admin().delete("/v1/budgets/users/u3").then().statusCode(200).body("users", anEmptyMap());
    manifest("u3", device, "budget=" + ASKED).then().statusCode(200).body("budget", equalTo(3000));
    admin().delete("/v1/budgets/roles/service").then().statusCode(200).body("roles", anEmptyMap());
    manifest("u3", device, "budget=" + ASKED)
        .then()
        .statusCode(200)
        .body("budget", equalTo((int) ASKED));
  }

  @Test
  void thePreviewAnAdminSeesIsServedUnderTheBudget() {
    admin().body("{\"bytes\": 4000}").put("/v1/budgets/users/u2").then().statusCode(200);
    admin()
        .get("/v1/users/u2/preview?budget=" + ASKED)
        .then()
        .statusCode(200)
        .body("budget", equalTo(4000));
  }

  @Test
  void refusesUnknownRolesAndRepsAndBudgetsOutOfRangeNamingTheField() {
    admin()
        .body("{\"bytes\": 3000}")
        .put("/v1/budgets/roles/pilot")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://primer.dev/problems/unknown-role"))
        .body("detail", containsString("sales"));
    admin()
        .body("{\"bytes\": 3000}")
        .put("/v1/budgets/users/nobody")
        .then()
        .statusCode(404)
        .body("type", equalTo("https://primer.dev/problems/unknown-user"));
    admin().delete("/v1/budgets/users/nobody").then().statusCode(404);
    for (String bad :
        new String[] {
          "{\"bytes\": 0}", "{\"bytes\": -5}", "{}", "{\"bytes\": 99999999999999999}"
        }) {
      admin()
          .body(bad)
          .put("/v1/budgets/users/u2")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("bytes"));
    }
    admin()
        .body("null")
        .put("/v1/budgets/users/u2")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("body"));
    admin()
        .body("{\"bytes\": \"lots\"}")
        .put("/v1/budgets/users/u2")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    admin().get("/v1/budgets").then().statusCode(200).body("users", anEmptyMap());
  }

  @Test
  void onlyAnAdminSeesOrSetsBudgets() {
    TestTokens.as("u1", Roles.DEVICE).get("/v1/budgets").then().statusCode(403);
    TestTokens.as("u1", Roles.DEVICE)
        .contentType("application/json")
        .body("{\"bytes\": 1}")
        .put("/v1/budgets/users/u1")
        .then()
        .statusCode(403);
  }
}
