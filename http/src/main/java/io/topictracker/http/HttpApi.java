package io.topictracker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.Json;
import io.topictracker.extract.EntityType;
import io.topictracker.query.Instance;
import io.topictracker.query.Interval;
import io.topictracker.query.QueryResult;
import io.topictracker.query.TopicQueries;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP API over {@link TopicQueries}: JSON in a small envelope ({@code {"data": ...}}),
 * 400 for bad parameters, 404 for unknown keys, 503 + {@code Retry-After} while the stores are not
 * queryable. Key lookups owned by another instance are forwarded to it; list endpoints gather the
 * partial lists of every instance and say whether the answer is complete.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    static final int DEFAULT_ENTITY_LIMIT = 20;
    static final int MAX_ENTITY_LIMIT = 1000;
    static final int MAX_TIMELINE_BUCKETS = 5000;
    private static final String RETRY_AFTER_SECONDS = "2";

    private final TopicQueries queries;
    private final PeerClient peers = new PeerClient(Duration.ofSeconds(5));
    private final Javalin app;

    /**
     * @param metrics the registry {@code GET /metrics} exposes in Prometheus text format
     */
    public HttpApi(TopicQueries queries, PrometheusMeterRegistry metrics) {
        this.queries = queries;
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.routes.get("/health", this::health);
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            config.routes.get("/api/themes", this::themes);
            config.routes.get("/api/themes/{theme}", this::theme);
            config.routes.get("/api/themes/{theme}/timeline", this::timeline);
            config.routes.get("/api/entities", this::entities);
            config.routes.get("/api/entities/{name}", this::entity);
            config.routes.get("/api/articles/{id}", this::article);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected error serving {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " not allowed; the API is read-only"));
        });
    }

    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    // --- endpoints ---------------------------------------------------------------------------

    private void health(Context ctx) {
        ctx.json(Map.of("status", "UP", "streams", queries.state(), "deadLettersSinceStart", queries.deadLettersSinceStart()));
    }

    private void ready(Context ctx) {
        if (queries.isReady()) {
            ctx.json(Map.of("ready", true, "streams", queries.state()));
        } else {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            ctx.status(503).json(Map.of("ready", false, "streams", queries.state()));
        }
    }

    private void themes(Context ctx) {
        gather(ctx, queries.localThemes(), Comparator.comparingLong((JsonNode n) -> n.path("articles").asLong())
                .thenComparingLong(n -> n.path("mentions").asLong())
                .reversed()
                .thenComparing(n -> n.path("theme").asText()), Integer.MAX_VALUE);
    }

    private void theme(Context ctx) {
        answer(ctx, queries.theme(ctx.pathParam("theme")));
    }

    private void timeline(Context ctx) {
        Interval interval = switch (ctx.queryParamAsClass("interval", String.class).getOrDefault("hour").toLowerCase(Locale.ROOT)) {
            case "hour" -> Interval.HOUR;
            case "day" -> Interval.DAY;
            default -> throw ApiException.badRequest("interval must be 'hour' or 'day'");
        };
        long width = interval.width().toMillis();
        Instant to = instantParam(ctx, "to");
        if (to == null) {
            long now = System.currentTimeMillis();
            to = Instant.ofEpochMilli(Math.floorDiv(now, width) * width + width);
        }
        Instant from = instantParam(ctx, "from");
        if (from == null) {
            from = to.minus(interval == Interval.HOUR ? Duration.ofHours(48) : Duration.ofDays(30));
        }
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'from' must be before 'to'");
        }
        if ((to.toEpochMilli() - from.toEpochMilli()) / width > MAX_TIMELINE_BUCKETS) {
            throw ApiException.badRequest("range too large: at most " + MAX_TIMELINE_BUCKETS + " buckets per request");
        }
        answer(ctx, queries.timeline(ctx.pathParam("theme"), interval, from, to));
    }

    private void entities(Context ctx) {
        String typeParam = ctx.queryParam("type");
        EntityType type = null;
        if (typeParam != null && !typeParam.isBlank()) {
            try {
                type = EntityType.valueOf(typeParam.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("type must be one of ORG, PERSON, PRODUCT, PLACE");
            }
        }
        int limit = intParam(ctx, "limit", DEFAULT_ENTITY_LIMIT, 1, MAX_ENTITY_LIMIT);
        gather(ctx, queries.localTopEntities(type, limit), Comparator.comparingLong((JsonNode n) -> n.path("articles").asLong())
                .thenComparingLong(n -> n.path("mentions").asLong())
                .reversed()
                .thenComparing(n -> n.path("name").asText())
                .thenComparing(n -> n.path("type").asText()), limit);
    }

    private void entity(Context ctx) {
        answer(ctx, queries.entity(ctx.pathParam("name")));
    }

    private void article(Context ctx) {
        answer(ctx, queries.article(ctx.pathParam("id")));
    }

    // --- result mapping ----------------------------------------------------------------------

    /** Maps a key lookup to HTTP, forwarding to the owning instance when needed. */
    private void answer(Context ctx, QueryResult<?> result) {
        if (result instanceof QueryResult.Found<?> found) {
            ctx.json(Map.of("data", found.value()));
        } else if (result instanceof QueryResult.NotFound<?> notFound) {
            error(ctx, 404, notFound.message());
        } else if (result instanceof QueryResult.Unavailable<?> unavailable) {
            unavailable(ctx, unavailable.reason());
        } else {
            Instance owner = ((QueryResult.OwnedByOther<?>) result).owner();
            if (ctx.header(PeerClient.FORWARDED_HEADER) != null) {
                // The owner forwarded back to us: metadata is changing (rebalance); ask again later.
                unavailable(ctx, "partition ownership is moving between instances");
                return;
            }
            ctx.future(() -> peers.get(owner, pathAndQuery(ctx)).handle((response, failure) -> {
                if (failure != null) {
                    unavailable(ctx, "instance " + owner + " that owns this key did not answer");
                } else {
                    relay(ctx, response);
                }
                return null;
            }));
        }
    }

    /**
     * Answers a list endpoint from every instance: this one's local part plus each peer's
     * ({@code ?scope=local}), merged and re-sorted. Peers that fail make the answer incomplete, not failed.
     */
    private void gather(Context ctx, QueryResult<? extends List<?>> local, Comparator<JsonNode> order, int limit) {
        if (local instanceof QueryResult.Unavailable<?> unavailable) {
            unavailable(ctx, unavailable.reason());
            return;
        }
        List<?> localRows = ((QueryResult.Found<? extends List<?>>) local).value();
        boolean localOnly = "local".equals(ctx.queryParam("scope")) || ctx.header(PeerClient.FORWARDED_HEADER) != null;
        Set<Instance> others = Set.of();
        if (!localOnly) {
            QueryResult<Set<Instance>> peerResult = queries.peers();
            if (peerResult instanceof QueryResult.Found<Set<Instance>> found) {
                others = found.value();
            }
        }
        if (others.isEmpty()) {
            ctx.json(envelope(localRows, 1, List.of()));
            return;
        }
        String query = ctx.queryString() == null ? "scope=local" : ctx.queryString() + "&scope=local";
        Map<Instance, CompletableFuture<HttpResponse<String>>> calls = new LinkedHashMap<>();
        for (Instance peer : others) {
            calls.put(peer, peers.get(peer, ctx.path() + "?" + query));
        }
        ctx.future(() -> CompletableFuture.allOf(calls.values().stream()
                        .map(f -> f.handle((r, e) -> r))
                        .toArray(CompletableFuture[]::new))
                .thenAccept(done -> {
                    List<JsonNode> rows = new ArrayList<>();
                    Json.mapper().valueToTree(localRows).forEach(rows::add);
                    List<String> missing = new ArrayList<>();
                    calls.forEach((peer, call) -> {
                        HttpResponse<String> response = call.handle((r, e) -> r).join();
                        JsonNode data = response == null || response.statusCode() != 200 ? null : parse(response.body()).path("data");
                        if (data instanceof ArrayNode array) {
                            array.forEach(rows::add);
                        } else {
                            missing.add(peer.toString());
                        }
                    });
                    rows.sort(order);
                    ctx.json(envelope(rows.subList(0, Math.min(limit, rows.size())), calls.size() + 1, missing));
                }));
    }

    private static Map<String, Object> envelope(List<?> rows, int instances, List<String> missing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows);
        body.put("instances", instances);
        body.put("complete", missing.isEmpty());
        if (!missing.isEmpty()) {
            body.put("unavailableInstances", missing);
        }
        return body;
    }

    private static void relay(Context ctx, HttpResponse<String> response) {
        ctx.status(response.statusCode()).contentType("application/json").result(response.body());
        response.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
    }

    private static void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        error(ctx, 503, reason);
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message, "status", status));
    }

    private static String pathAndQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    private static JsonNode parse(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            return Json.mapper().missingNode();
        }
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant instantParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = ArticleJson.parseInstant(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 date or timestamp, e.g. 2024-02-06 or 2024-02-06T10:00:00Z");
        }
        // Years 1..9999 keep every bucket computation far from long overflow.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.badRequest("'" + name + "' must be between years 0001 and 9999");
        }
        return instant;
    }

    private static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through to the same message as out-of-range
        }
        throw ApiException.badRequest("'" + name + "' must be a whole number from " + min + " to " + max);
    }
}
