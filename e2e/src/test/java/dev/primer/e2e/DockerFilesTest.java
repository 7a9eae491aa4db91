package dev.primer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
  void composeHealthChecksProbeWhatEachContainerServes() throws IOException {
    JsonNode services = compose().path("services");
    assertThat(fieldNames(services)).containsExactlyInAnyOrder("postgres", "service");
    JsonNode postgres = services.path("postgres");
    JsonNode service = services.path("service");

    JsonNode pgEnv = postgres.path("environment");
    assertThat(healthCommand(postgres))
        .startsWith("pg_isready ")
        .contains("-U " + pgEnv.path("POSTGRES_USER").asText())
        .contains("-d " + pgEnv.path("POSTGRES_DB").asText());

    List<String> ports = new ArrayList<>();
    service.path("ports").forEach(p -> ports.add(p.asText()));
    assertThat(ports).hasSize(1);
    String containerPort = ports.get(0).substring(ports.get(0).lastIndexOf(':') + 1);
    assertThat(Files.readString(DOCKER.resolve("service.Dockerfile")))
        .containsPattern("(?m)^EXPOSE " + containerPort + "$");
    assertThat(healthCommand(service))
        .contains("curl -f")
        .contains("http://localhost:" + containerPort + "/q/health/ready");
    assertThat(Files.readString(ROOT.resolve("priming-service/pom.xml")))
        .as("the service serves /q/health")
        .contains("<artifactId>quarkus-smallrye-health</artifactId>");

    assertThat(service.path("depends_on").path("postgres").path("condition").asText())
        .isEqualTo("service_healthy");
  }

  @Test
  void composeBuildsTheServiceImageFromTheRepository() throws IOException {
    JsonNode build = compose().path("services").path("service").path("build");
    Path context = DOCKER.resolve(build.path("context").asText()).normalize();

    assertThat(context).isEqualTo(ROOT.normalize());
    assertThat(context.resolve(build.path("dockerfile").asText()))
        .isEqualTo(DOCKER.resolve("service.Dockerfile"))
        .isRegularFile();
  }

  @Test
  void serviceUsesTheComposeDatabaseCredentialsAndTheKeySecret() throws IOException {
    JsonNode compose = compose();
    JsonNode pgEnv = compose.path("services").path("postgres").path("environment");
    JsonNode service = compose.path("services").path("service");
    JsonNode env = service.path("environment");

    assertThat(env.path("PRIMER_DB_URL").asText())
        .isEqualTo("jdbc:postgresql://postgres:5432/" + pgEnv.path("POSTGRES_DB").asText());
    assertThat(env.path("PRIMER_DB_USER").asText()).isEqualTo(pgEnv.path("POSTGRES_USER").asText());
    assertThat(env.path("PRIMER_DB_PASSWORD").asText())
        .isEqualTo(pgEnv.path("POSTGRES_PASSWORD").asText());

    List<String> secrets = new ArrayList<>();
    service.path("secrets").forEach(s -> secrets.add(s.asText()));
    assertThat(secrets).hasSize(1);
    assertThat(env.path("PRIMER_JWT_PUBLIC_KEY").asText())
        .isEqualTo("/run/secrets/" + secrets.get(0));
    assertThat(compose.path("secrets").path(secrets.get(0)).path("file").asText())
        .contains("PRIMER_JWT_PUBLIC_KEY_FILE");
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
        Pattern.compile("run_java client-agent (\\S+)")
            .matcher(Files.readString(ROOT.resolve("bin/primer")));
    assertThat(launcherLine.find()).as("bin/primer has an agent line").isTrue();
    String mainClass = launcherLine.group(1);

    assertThat(dockerfile).containsPattern("ENTRYPOINT \\[.*\"" + Pattern.quote(mainClass) + "\"]");
    Method main = Class.forName(mainClass).getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).as(main + " is static").isTrue();
    assertThat(main.getReturnType()).as(main + " returns").isEqualTo(void.class);
  }

  /** The command of a service's health check: {@code ["CMD-SHELL", command]}. */
  private static String healthCommand(JsonNode service) {
    JsonNode test = service.path("healthcheck").path("test");
    assertThat(test.path(0).asText()).isEqualTo("CMD-SHELL");
    assertThat(test.size()).isEqualTo(2);
    return test.path(1).asText();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
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
