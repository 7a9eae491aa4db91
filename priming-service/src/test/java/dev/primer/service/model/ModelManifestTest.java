package dev.primer.service.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.primer.core.features.FeatureExtractor;
import dev.primer.core.scoring.ModelBundle;
import dev.primer.core.scoring.ModelBundles;
import dev.primer.core.scoring.TribuoScorer;
import dev.primer.protocol.manifest.ManifestEntry;
import dev.primer.service.auth.Roles;
import dev.primer.service.content.BlobStore;
import dev.primer.service.manifest.DeviceCalls;
import dev.primer.service.manifest.Fixture;
import dev.primer.service.manifest.ManifestTestProfile;
import dev.primer.service.selection.SelectionStore;
import dev.primer.service.selection.UserSelection;
import dev.primer.service.snapshot.Snapshots;
import dev.primer.service.testing.TestDatabase;
import dev.primer.service.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Manifests chosen by an active model: the appointment's account in the guaranteed tier, first. The
 * model is a tiny logistic regression trained here on the service's feature schema; it is made
 * active straight in the registry table (the registry API is tested on its own).
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@TestProfile(ManifestTestProfile.class)
class ModelManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AgroalDataSource db;
  @Inject BlobStore blobs;
  @Inject Snapshots snapshots;
  @Inject SelectionStore selections;
  @Inject ModelRegistry registry;

  @TempDir Path dir;
  private String modelId;

  @BeforeEach
  void activateATinyModel() throws Exception {
    Fixture.ensure(db, blobs, snapshots);
    Path file = dir.resolve("tiny.zip");
    ModelBundles.write(
        file,
        tinyModel(),
        FeatureExtractor.SCHEMA,
        JSON.createObjectNode().put("trainedOn", "a test"),
        JSON.createObjectNode());
    byte[] bytes = Files.readAllBytes(file);
    ModelBundle bundle = ModelBundles.read(bytes, FeatureExtractor.SCHEMA);
    modelId = bundle.id();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO models (id, bundle, feature_schema, provenance, summary, active)"
                    + " VALUES (?, ?, ?, '{}'::jsonb, '{}'::jsonb, true)"
                    + " ON CONFLICT (id) DO UPDATE SET active = true")) {
      s.setString(1, modelId);
      s.setBytes(2, bytes);
      s.setString(3, FeatureExtractor.SCHEMA.hash());
      s.executeUpdate();
    }
    registry.reload();
  }

  @AfterEach
  void deactivate() throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE models SET active = false")) {
      s.executeUpdate();
    }
    registry.reload();
  }

  /**
   * A logistic regression on random rows of the real schema: hit when the first feature is high.
   */
  private static org.tribuo.Model<Label> tinyModel() {
    String[] names = FeatureExtractor.SCHEMA.names().toArray(String[]::new);
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("test", OffsetDateTime.now(), new LabelFactory()),
            new LabelFactory());
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 400; i++) {
      double[] values = new double[names.length];
      for (int f = 0; f < values.length; f++) {
        values[f] = random.nextDouble();
      }
      Label label = new Label(values[0] > 0.5 ? TribuoScorer.HIT : TribuoScorer.MISS);
      data.add(new ArrayExample<>(label, names.clone(), values));
    }
    return new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(0.1, 0.1), 3, Integer.MAX_VALUE, 1, 1L)
        .train(data);
  }

  @Test
  void theAppointmentsAccountIsGuaranteedAndComesFirst() throws Exception {
    String device = DeviceCalls.enrol("u1");
    Response r = DeviceCalls.manifest("u1", device, "budget=400000");
    r.then().statusCode(200);
    assertThat(r.jsonPath().getString("selector")).isEqualTo("model");
    assertThat(r.jsonPath().getString("modelId")).isEqualTo(modelId);
    assertThat(r.jsonPath().getString("note")).isEmpty();
    List<ManifestEntry> entries =
        JSON.convertValue(
            r.jsonPath().getList("entries"), new TypeReference<List<ManifestEntry>>() {});
    List<ManifestEntry> guaranteed = entries.stream().filter(e -> e.guaranteed()).toList();
    // Account 2 has the appointment on March 2nd (attendee @account2.example).
    assertThat(guaranteed)
        .extracting(ManifestEntry::recordId)
        .containsExactlyInAnyOrder("r-a2-account-profile", "r-a2-contact", "r-a2-service-history");
    assertThat(entries.subList(0, guaranteed.size())).isEqualTo(guaranteed);
    assertThat(guaranteed).allSatisfy(e -> assertThat(e.reason()).contains("Account 2"));
    assertThat(entries.stream().mapToLong(ManifestEntry::sizeBytes).sum())
        .isLessThanOrEqualTo(400000);
    given()
        .header("Authorization", TestTokens.bearer("admin1", Roles.ADMIN))
        .when()
        .get("/v1/users/u1/preview?budget=400000")
        .then()
        .statusCode(200)
        .body("selector", org.hamcrest.Matchers.equalTo("model"))
        .body("guaranteed", org.hamcrest.Matchers.equalTo(3))
        .body("expectedHitRate", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void aBudgetBelowTheGuaranteedTierReportsWhatDidNotFit() {
    String device = DeviceCalls.enrol("u1");
    Response r = DeviceCalls.manifest("u1", device, "budget=1000");
    r.then().statusCode(200);
    assertThat(r.jsonPath().getList("notFitted", String.class)).isNotEmpty();
    assertThat(r.jsonPath().getString("note")).contains("did not fit");
    assertThat(r.jsonPath().getLong("bytes")).isLessThanOrEqualTo(1000);
  }

  @Test
  void scoresInTheManifestReadBackAsTheExactDoublesChosen() throws Exception {
    String device = DeviceCalls.enrol("u1");
    Response r = DeviceCalls.manifest("u1", device, "budget=400000");
    r.then().statusCode(200);
    List<ManifestEntry> sent =
        JSON.readValue(
            JSON.readTree(r.asString()).get("entries").traverse(),
            new TypeReference<List<ManifestEntry>>() {});
    String modelId = JSON.readTree(r.asString()).get("modelId").asText();
    // The selection row is written in the background after the answer (and replaces one an
    // earlier test may have stored for the same day and budget without a model).
    Optional<UserSelection> stored = Optional.empty();
    for (int i = 0; i < 100 && stored.isEmpty(); i++) {
      stored =
          selections
              .find("u1", LocalDate.parse("2026-03-02"), 400000)
              .filter(s -> s.modelId().equals(modelId));
      if (stored.isEmpty()) {
        Thread.sleep(50);
      }
    }
    List<ManifestEntry> chosen = stored.orElseThrow().entries();
    assertThat(sent).isEqualTo(chosen);
    assertThat(chosen).anySatisfy(e -> assertThat(e.score()).isStrictlyBetween(0.0, 1.0));
  }
}
