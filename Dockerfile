# Ordo's container image: the layered Spring Boot jar on a Java 17 JRE, as a non-root user.
# Build the jar first, then the image (docs/deployment.md, "Container image"):
#   ./mvnw -B package -DskipTests
#   docker build -t ordo .
# Layers change from rarely to often (dependencies, Spring Boot's launcher, snapshots, Ordo itself), so a new release
# of Ordo rebuilds and pushes only the last one.

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY target/ordo.jar ordo.jar
RUN java -Djarmode=tools -jar ordo.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system ordo && useradd --system --gid ordo --home-dir /app --no-create-home ordo \
    && mkdir -p /app/data && chown ordo:ordo /app/data
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER ordo
# the embedded H2 store (ordo.data-dir, ./data): keep it on a volume; the postgres profile does not use it
VOLUME /app/data
EXPOSE 8080
# heap as a share of the container's memory limit rather than of the host's; the rest is metaspace, threads, buffers
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# readiness: up once the instance takes traffic (Spring Boot's probe groups, docs/deployment.md, "Probes")
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
