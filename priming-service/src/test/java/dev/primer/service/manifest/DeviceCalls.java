package dev.primer.service.manifest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestTokens;
import io.restassured.response.Response;

/** The device calls tests make, with a device token of the given user. */
public final class DeviceCalls {
  private DeviceCalls() {}

  /** Enrols a device for {@code user} and returns its id. */
  public static String enrol(String user) {
    return given()
        .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
        .contentType("application/json")
        .body("{\"name\": \"" + user + "-laptop\", \"platform\": \"linux\"}")
        .when()
        .post("/v1/devices")
        .then()
        .statusCode(201)
        .body("userId", equalTo(user))
        .extract()
        .path("deviceId");
  }

  /** GET the device's manifest with {@code query} (e.g. "budget=1000&since=2"). */
  public static Response manifest(String user, String device, String query) {
    return given()
        .header("Authorization", TestTokens.bearer(user, Roles.DEVICE))
        .when()
        .get("/v1/devices/" + device + "/manifest?" + query);
  }
}
