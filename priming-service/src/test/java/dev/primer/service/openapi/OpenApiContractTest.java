package dev.primer.service.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.RejectedLine;
import dev.primer.protocol.device.EnrolRequest;
import dev.primer.protocol.device.Enrolled;
import dev.primer.protocol.device.IssuedToken;
import dev.primer.protocol.imports.ImportResult;
import dev.primer.protocol.manifest.Manifest;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.protocol.manifest.Tier;
import dev.primer.protocol.problem.ProblemDocument;
import dev.primer.protocol.problem.ProblemError;
import dev.primer.protocol.records.FetchRequest;
import dev.primer.protocol.records.RecordLine;
import dev.primer.protocol.telemetry.TelemetryAnswer;
import dev.primer.protocol.telemetry.TelemetryLine;
import dev.primer.service.auth.Roles;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document and the primer-protocol module state one contract: every wire
 * type's schema has exactly the properties Jackson writes for its record, each operation names its
 * protocol types, every error answer is a problem document, and docs/openapi.yaml is the document
 * the build generates.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OpenApiContractTest {
  private static final Path COMMITTED = Path.of("../docs/openapi.yaml");
  private static final List<Class<?>> WIRE_RECORDS =
      List.of(
          Manifest.class,
          ManifestEntry.class,
          RecordLine.class,
          FetchRequest.class,
          TelemetryLine.class,
          TelemetryAnswer.class,
          RejectedLine.class,
          ImportResult.class,
          ProblemDocument.class,
          ProblemError.class,
          EnrolRequest.class,
          Enrolled.class,
          IssuedToken.class);

  @Inject ObjectMapper json;

  @Test
  void committedDocumentIsTheOneTheBuildGenerates() throws IOException {
    String served = admin().get("/q/openapi").then().statusCode(200).extract().asString();
    assertThat(Files.readString(COMMITTED))
        .as(
            "docs/openapi.yaml differs from the generated document; after a build, refresh it with"
                + " cp priming-service/target/openapi/openapi.yaml docs/openapi.yaml")
        .isEqualTo(served);
  }

  @Test
  void apiDescriptionIsForAdminsOnly() {
    RestAssured.given().get("/q/openapi").then().statusCode(401);
    TestTokens.as("u1", Roles.DEVICE).get("/q/openapi").then().statusCode(403);
    admin().get("/q/openapi?format=json").then().statusCode(200);
  }

  @Test
  void everyWireRecordSchemaHasExactlyThePropertiesJacksonWrites() {
    JsonNode schemas = document().path("components").path("schemas");
    SoftAssertions softly = new SoftAssertions();
    for (Class<?> record : WIRE_RECORDS) {
      JsonNode schema = schemas.path(record.getSimpleName());
      softly.assertThat(schema.isObject()).as("schema of " + record.getSimpleName()).isTrue();
      softly
          .assertThat(shape(schema.path("properties")))
          .as("properties of " + record.getSimpleName())
          .containsExactlyInAnyOrderEntriesOf(WireShape.of(record));
    }
    softly.assertAll();
  }

  @Test
  void tierSchemaListsTheNamesJacksonWrites() {
    JsonNode tier = document().path("components").path("schemas").path("Tier");
    List<String> written = new ArrayList<>();
    for (Tier t : Tier.values()) {
      written.add(json.valueToTree(t).asText());
    }
    assertThat(type(tier)).isEqualTo("string");
    assertThat(texts(tier.path("enum"))).containsExactlyElementsOf(written);
    assertThat(written).containsExactly("guaranteed", "predicted");
  }

  @Test
  void deviceOperationsNameTheirProtocolTypes() {
    JsonNode paths = document().path("paths");
    JsonNode enrol = paths.path("/v1/devices").path("post");
    assertThat(requestRefs(enrol, MediaTypes.JSON)).containsExactly("EnrolRequest");
    assertThat(responseRefs(enrol, "201", MediaTypes.JSON)).containsExactly("Enrolled");

    JsonNode manifest = paths.path("/v1/devices/{id}/manifest").path("get");
    assertThat(responseRefs(manifest, "200", MediaTypes.JSON)).containsExactly("Manifest");

    JsonNode act = paths.path("/v1/devices/{id}/{action}").path("post");
    assertThat(requestRefs(act, MediaTypes.JSON)).containsExactly("FetchRequest", "EditBatch");
    assertThat(requestRefs(act, MediaTypes.NDJSON)).containsExactly("TelemetryLine");
    assertThat(responseRefs(act, "200", MediaTypes.NDJSON)).containsExactly("RecordLine");
    assertThat(responseRefs(act, "200", MediaTypes.JSON))
        .containsExactly("TelemetryAnswer", "EditReceipts", "IssuedToken");

    JsonNode imports = paths.path("/v1/import/{kind}").path("post");
    assertThat(responseRefs(imports, "200", MediaTypes.JSON)).containsExactly("ImportResult");
  }

  @Test
  void everyErrorAnswerIsAProblemDocument() {
    JsonNode document = document();
    List<String> checked = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          String where = op.getKey() + " " + path.getKey();
                          JsonNode responses = op.getValue().path("responses");
                          assertThat(fieldNames(responses))
                              .as("errors of " + where)
                              .contains("401", "403", "500");
                          responses
                              .properties()
                              .forEach(
                                  r -> {
                                    if (Integer.parseInt(r.getKey()) >= 400) {
                                      JsonNode answer = resolve(document, r.getValue());
                                      assertThat(
                                              refs(answer.path("content").path(MediaTypes.PROBLEM)))
                                          .as(r.getKey() + " of " + where)
                                          .containsExactly("ProblemDocument");
                                      checked.add(r.getKey() + " " + where);
                                    }
                                  });
                        }));
    assertThat(checked).as("error answers checked over the 23 operations").hasSizeGreaterThan(100);
  }

  @Test
  void deviceAnswersCarryTheSchemasProperties() throws IOException {
    Map<String, Map<String, String>> schemas = new LinkedHashMap<>();
    document()
        .path("components")
        .path("schemas")
        .properties()
        .forEach(e -> schemas.put(e.getKey(), shape(e.getValue().path("properties"))));
    String user = "u-contract";
    JsonNode enrolled =
        json.readTree(
            TestTokens.as(user, Roles.DEVICE)
                .contentType(MediaTypes.JSON)
                .body(json.writeValueAsString(new EnrolRequest("contract laptop", "linux")))
                .post("/v1/devices")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    assertThat(fieldNames(enrolled)).isEqualTo(schemas.get("Enrolled").keySet());
    String device = enrolled.path("deviceId").asText();

    JsonNode token = answer(user, device, "token", MediaTypes.JSON, "", 200);
    assertThat(fieldNames(token)).isEqualTo(schemas.get("IssuedToken").keySet());

    String line = json.writeValueAsString(new TelemetryLine("e1", "nope", "bad time", "hit", ""));
    JsonNode telemetry = answer(user, device, "telemetry", MediaTypes.NDJSON, line + "\n", 200);
    assertThat(fieldNames(telemetry)).isEqualTo(schemas.get("TelemetryAnswer").keySet());
    assertThat(fieldNames(telemetry.path("rejected").path(0)))
        .isEqualTo(schemas.get("RejectedLine").keySet());

    String fetch = json.writeValueAsString(new FetchRequest(List.of("nope")));
    JsonNode refused = answer(user, device, "records:fetch", MediaTypes.JSON, fetch, 200);
    assertThat(schemas.get("RecordLine").keySet()).containsAll(fieldNames(refused));

    JsonNode problem =
        json.readTree(
            TestTokens.as(user, Roles.DEVICE)
                .get("/v1/devices/" + device + "/manifest?budget=-5")
                .then()
                .statusCode(400)
                .contentType(MediaTypes.PROBLEM)
                .extract()
                .asString());
    assertThat(schemas.get("ProblemDocument").keySet()).containsAll(fieldNames(problem));
    assertThat(schemas.get("ProblemError").keySet())
        .containsAll(fieldNames(problem.path("errors").path(0)));
  }

  private JsonNode answer(
      String user, String device, String action, String mediaType, String body, int status)
      throws IOException {
    return json.readTree(
        TestTokens.as(user, Roles.DEVICE)
            .contentType(mediaType)
            .body(body)
            .post("/v1/devices/" + device + "/" + action)
            .then()
            .statusCode(status)
            .extract()
            .asString());
  }

  private static RequestSpecification admin() {
    return TestTokens.as("admin", Roles.ADMIN);
  }

  private JsonNode document() {
    try {
      return json.readTree(
          admin().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Property name → JSON type as {@link WireShape} spells it. */
  private static Map<String, String> shape(JsonNode properties) {
    Map<String, String> shape = new LinkedHashMap<>();
    properties.properties().forEach(p -> shape.put(p.getKey(), type(p.getValue())));
    return shape;
  }

  private static String type(JsonNode schema) {
    if (schema.has("$ref")) {
      return "ref:" + name(schema.path("$ref").asText());
    }
    for (String union : List.of("anyOf", "oneOf")) {
      if (schema.has(union)) {
        List<String> types = new ArrayList<>();
        schema.path(union).forEach(s -> types.add(type(s)));
        types.remove("null");
        return String.join("|", types);
      }
    }
    JsonNode type = schema.path("type");
    List<String> types = type.isArray() ? texts(type) : new ArrayList<>(List.of(type.asText()));
    types.remove("null");
    String one = String.join("|", types);
    if (one.equals("array")) {
      return "array of " + type(schema.path("items"));
    }
    String encoding = schema.path("contentEncoding").asText(schema.path("format").asText());
    return one.equals("string") && List.of("base64", "binary").contains(encoding)
        ? one + ":" + encoding
        : one;
  }

  private static List<String> requestRefs(JsonNode operation, String mediaType) {
    return refs(operation.path("requestBody").path("content").path(mediaType));
  }

  private static List<String> responseRefs(JsonNode operation, String status, String mediaType) {
    return refs(operation.path("responses").path(status).path("content").path(mediaType));
  }

  /** The schema names a media type's schema refers to: itself, or each of its oneOf. */
  private static List<String> refs(JsonNode media) {
    JsonNode schema = media.path("schema");
    List<String> names = new ArrayList<>();
    if (schema.has("$ref")) {
      names.add(name(schema.path("$ref").asText()));
    }
    schema.path("oneOf").forEach(s -> names.add(name(s.path("$ref").asText())));
    return names;
  }

  private static JsonNode resolve(JsonNode document, JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    String[] pointer = node.path("$ref").asText().substring(2).split("/");
    JsonNode target = document;
    for (String part : pointer) {
      target = target.path(part);
    }
    return target;
  }

  private static String name(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
