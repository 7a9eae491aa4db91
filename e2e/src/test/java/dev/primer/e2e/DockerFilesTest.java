package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the build runs, so the docker files are checked for what can be
 * checked without one: the compose file is valid and complete, and every image starts the same
 * program the launcher starts.
 */
class DockerFilesTest {
  private static final Path ROOT = Repo.root();
  private static final Path DOCKER = ROOT.resolve("docker");

  @Test
  void composeFileParsesAndRunsPostgresAndTheServiceWithHealthChecks() throws IOException {
    JsonNode compose = compose();

    assertThat(compose.path("services").has("postgres")).isTrue();
    assertThat(compose.path("services").has("service")).isTrue();
    for (String name : List.of("postgres", "service")) {
      JsonNode test = compose.path("services").path(name).path("healthcheck").path("test");
      assertThat(test.isArray() && test.size() > 1).as(name + " has a health check").isTrue();
    }
    assertThat(
            compose
                .path("services")
                .path("service")
                .path("depends_on")
                .path("postgres")
                .path("condition")
                .asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void serviceTalksToTheComposeDatabaseAndKeepsBlobsOnAVolume() throws IOException {
    JsonNode service = compose().path("services").path("service");
    JsonNode env = service.path("environment");

    assertThat(env.path("PRIMER_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
    String blobsDir = env.path("PRIMER_BLOBS_DIR").asText();
    assertThat(blobsDir).isNotEmpty();
    List<String> mounts = new ArrayList<>();
    service.path("volumes").forEach(v -> mounts.add(v.asText()));
    assertThat(mounts).contains("blobs:" + blobsDir);
    assertThat(compose().path("volumes").has("blobs")).isTrue();
    assertThat(compose().path("volumes").has("pgdata")).isTrue();
  }

  @Test
  void theEnvironmentTheComposeFileSetsIsWhatTheServiceReads() throws IOException {
    String properties =
        Files.readString(ROOT.resolve("priming-service/src/main/resources/application.properties"));
    JsonNode env = compose().path("services").path("service").path("environment");
    for (String name :
        List.of("PRIMER_DB_URL", "PRIMER_DB_USER", "PRIMER_DB_PASSWORD", "PRIMER_JWT_PUBLIC_KEY")) {
      assertThat(env.has(name)).as(name).isTrue();
      assertThat(properties).as("application.properties reads " + name).contains(name);
    }
  }

  @Test
  void neitherTheImageNorTheServiceJarCarriesATokenKey() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("service.Dockerfile"));
    assertThat(dockerfile).doesNotContain(".pem").doesNotContain("dev-keys");
    JsonNode env = compose().path("services").path("service").path("environment");
    assertThat(env.path("PRIMER_JWT_PUBLIC_KEY").asText()).startsWith("/run/secrets/");
    Path app = ROOT.resolve("priming-service/target/quarkus-app/app");
    assertThat(app).as("the packaged service (built before e2e)").isDirectory();
    List<Path> jars;
    try (Stream<Path> files = Files.list(app)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
    }
    assertThat(jars).isNotEmpty();
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        assertThat(zip.stream().map(ZipEntry::getName))
            .as(jar + " entries")
            .noneMatch(name -> name.endsWith(".pem"));
      }
    }
  }

  @Test
  void serviceImageStartsTheJarTheLauncherStarts() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("service.Dockerfile"));
    String launcher = Files.readString(ROOT.resolve("bin/primer"));

    assertThat(launcher).contains("priming-service/target/quarkus-app/quarkus-run.jar");
    assertThat(dockerfile).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
    for (String source : copySources(dockerfile)) {
      assertThat(ROOT.resolve(source.replace("*.jar", ""))).as("COPY " + source).exists();
    }
  }

  @Test
  void agentImageRunsTheLaunchersAgentMainClass() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("agent.Dockerfile"));
    Matcher launcherLine =
        Pattern.compile("agent\\) run_java client-agent (\\S+)")
            .matcher(Files.readString(ROOT.resolve("bin/primer")));
    assertThat(launcherLine.find()).as("bin/primer has an agent line").isTrue();
    String mainClass = launcherLine.group(1);

    assertThat(dockerfile).containsPattern("ENTRYPOINT \\[.*\"" + Pattern.quote(mainClass) + "\"]");
    assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
  }

  private static JsonNode compose() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
  }

  /** The local paths a Dockerfile copies from the build context (not from another stage). */
  private static List<String> copySources(String dockerfile) {
    List<String> sources = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^COPY (?:--chown=\\S+ )?(\\S+) \\S+$").matcher(dockerfile);
    while (m.find()) {
      sources.add(m.group(1));
    }
    assertThat(sources).isNotEmpty();
    return sources;
  }
}
