# dpcsim in a container: the same shaded jar for the coordinator and the processor nodes.
# Build: docker build -t dpcsim .     (docker-compose.yml builds it for you)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY protocol protocol
COPY processor-node processor-node
COPY coordinator coordinator
RUN mvn -B -q -ntp -DskipTests package -pl coordinator -am

FROM eclipse-temurin:17-jre
WORKDIR /opt/dpcsim
COPY --from=build /src/coordinator/target/dpcsim.jar dpcsim.jar
COPY scenarios scenarios
# Addresses come from the environment (docker-compose.yml): every HOCON key can be forced with
# CONFIG_FORCE_<key with . as _ and _ as __>.
ENV JAVA_TOOL_OPTIONS="-Dconfig.override_with_env_vars=true"
ENTRYPOINT ["java", "-jar", "/opt/dpcsim/dpcsim.jar"]
