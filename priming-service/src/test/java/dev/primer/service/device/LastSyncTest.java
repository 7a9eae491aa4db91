package dev.primer.service.device;

import static dev.primer.service.manifest.DeviceCalls.enrol;
import static dev.primer.service.manifest.DeviceCalls.manifest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class LastSyncTest {
  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;

  @BeforeEach
  void fixture() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
  }

  @Test
  void anAdminSeesWhenEachDeviceLastSyncedAndTheBudgetItWasServed() {
    String synced = enrol("u2");
    String idle = enrol("u2");
    manifest("u2", synced, "budget=12345").then().statusCode(200);
    String path = "/v1/admin/devices?userId=u2";
    TestTokens.as("boss", Roles.ADMIN)
        .get(path)
        .then()
        .statusCode(200)
        // The test profile's clock.
        .body(
            "find { it.deviceId == '" + synced + "' }.lastSyncAt", equalTo("2026-03-02T03:00:00Z"))
        .body("find { it.deviceId == '" + synced + "' }.lastBudget", equalTo(12345))
        .body("find { it.deviceId == '" + idle + "' }.lastSyncAt", nullValue());
  }
}
