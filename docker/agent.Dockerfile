# The device agent, for trying it in a container. Builds itself (multi-stage), then runs the same
# main class as `bin/primer agent`: dev.primer.agent.cli.AgentCli.
#   docker build -f docker/agent.Dockerfile -t primer/agent .
#   docker run --rm -v primer-agent:/home/agent primer/agent status
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# npm: the reactor builds the service too (the agent's tests run against it), and the service's
# build installs the admin console's browser libraries with npm ci.
RUN apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN ./mvnw -B -q -pl client-agent -am package -DskipTests \
 && ./mvnw -B -q -pl client-agent dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
RUN useradd --create-home --home-dir /home/agent agent
COPY --from=build /src/client-agent/target/client-agent.jar /app/client-agent.jar
COPY --from=build /src/client-agent/target/lib/ /app/lib/
USER agent
ENV PRIMER_AGENT_HOME=/home/agent/.primer-agent
VOLUME /home/agent
ENTRYPOINT ["java", "-cp", "/app/client-agent.jar:/app/lib/*", "dev.primer.agent.cli.AgentCli"]
CMD ["--help"]
