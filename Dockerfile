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
# G1 gives back the heap it does not need once the app idles (README, "Memory"); set
# JAVA_TOOL_OPTIONS to replace these
ENV JAVA_TOOL_OPTIONS="-XX:G1PeriodicGCInterval=15000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
ENTRYPOINT ["java", "-jar", "/app/tidings.jar"]
