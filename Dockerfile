# topic-tracker image: `docker build -t topic-tracker .` then `docker run topic-tracker --help`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/topic-tracker.jar /app/topic-tracker.jar
COPY --from=build /src/app/target/lib /app/lib
COPY seeds /app/seeds
# Kafka Streams state (RocksDB); mount a volume here to keep it across container restarts.
ENV TOPIC_TRACKER_STATE_DIR=/var/lib/topic-tracker/state
VOLUME /var/lib/topic-tracker
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/topic-tracker.jar"]
CMD ["streams"]
