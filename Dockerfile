# syntax=docker/dockerfile:1
# Standalone Tidings: build the exec jar with the Maven wrapper, run it on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app tidings \
	&& mkdir -p /app/data \
	&& chown tidings /app/data
WORKDIR /app
COPY --from=build /src/target/tidings-*-exec.jar /app/tidings.jar
USER tidings
# The embedded H2 default keeps its files in ./data; PostgreSQL (DB_CLIENT=pg) needs no volume.
VOLUME /app/data
EXPOSE 8055
ENTRYPOINT ["java", "-jar", "/app/tidings.jar"]
