# dpcsim in a container: the same shaded jar for the coordinator and the processor nodes.
# Build: docker build -t dpcsim .     (docker-compose.yml builds it for you)
FROM eclipse-temurin:17-jdk AS build
# ./mvnw fetches the Maven that .mvn/wrapper pins and checks the zip's SHA-256: it needs unzip.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The whole build context, as .dockerignore trims it: every module the root pom lists comes
# along (DockerBuildContextTest fails when one would not).
COPY . .
# -DskipTests (not maven.test.skip): cli's tests depend on the other modules' test-jars, which
# must still be built for the reactor to resolve.
RUN ./mvnw -B -ntp -q -DskipTests package -pl cli -am

FROM eclipse-temurin:17-jre
# The simulator needs no root: it runs as a system user of its own.
# /opt/dpcsim/keys belongs to it: a named volume mounted there starts with the image's owner, so
# 'dpcsim keys init' can write the cluster's keys into it (docker-compose.yml).
RUN groupadd --system dpcsim \
 && useradd --system --gid dpcsim --home-dir /opt/dpcsim --no-create-home dpcsim \
 && mkdir -p /opt/dpcsim/keys \
 && chown dpcsim:dpcsim /opt/dpcsim/keys \
 && chmod 0700 /opt/dpcsim/keys
WORKDIR /opt/dpcsim
COPY --from=build /src/cli/target/dpcsim.jar dpcsim.jar
COPY scenarios scenarios
USER dpcsim
# Artery (the cluster) and Pekko Management (GET /health/alive, /health/ready with --health-port).
EXPOSE 2552 7626
# The JVM sizes its heap from the container's memory limit and exits (for a restart) rather than
# limp on after an OutOfMemoryError. Addresses come from the command line or the environment: every
# HOCON key can be forced with CONFIG_FORCE_<key with . as _ and _ as __>.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-Dconfig.override_with_env_vars=true", "-jar", "/opt/dpcsim/dpcsim.jar"]
