# syntax=docker/dockerfile:1
# Standalone Tidings on a JRE, as a non-root user. Build the jar first: ./mvnw package (the build
# context is the repository; .dockerignore sends only the exec jar).
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /app tidings \
	&& mkdir -p /app/data \
	&& chown tidings /app/data
WORKDIR /app
COPY target/tidings-*-exec.jar /app/tidings.jar
USER tidings
# The embedded H2 default keeps its files in ./data; PostgreSQL (DB_CLIENT=pg) needs no volume.
VOLUME /app/data
EXPOSE 8055
ENTRYPOINT ["java", "-jar", "/app/tidings.jar"]
