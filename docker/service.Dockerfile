# priming-service in the Quarkus JVM image layout. Build the app first, from the repo root:
#   ./mvnw -pl priming-service -am package -DskipTests
#   docker build -f docker/service.Dockerfile -t primer/priming-service .
# It runs the same thing as `bin/primer service`: java -jar quarkus-app/quarkus-run.jar.
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21

ENV LANGUAGE='en_US:en'
COPY --chown=185 priming-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 priming-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185 priming-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 priming-service/target/quarkus-app/quarkus/ /deployments/quarkus/
# No token key is baked in: PRIMER_JWT_PUBLIC_KEY (a mounted secret or a JWKS URL) is required.

ENV PRIMER_BLOBS_DIR=/deployments/blobs
RUN mkdir -p /deployments/blobs && chown 185 /deployments/blobs
VOLUME /deployments/blobs

EXPOSE 8080
USER 185
WORKDIR /deployments
# In a container the service listens on every interface (outside one it defaults to loopback).
ENV PRIMER_HTTP_HOST=0.0.0.0
ENV JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
