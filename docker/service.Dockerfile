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
# The development key pair's public half: replace it with PRIMER_JWT_PUBLIC_KEY in production.
COPY --chown=185 priming-service/dev-keys/dev-public.pem /deployments/dev-keys/dev-public.pem

ENV PRIMER_BLOBS_DIR=/deployments/blobs
RUN mkdir -p /deployments/blobs && chown 185 /deployments/blobs
VOLUME /deployments/blobs

EXPOSE 8080
USER 185
WORKDIR /deployments
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
