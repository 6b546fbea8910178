package io.topictracker.broker;

import kafka.server.BrokerServer;
import kafka.server.KafkaConfig;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * A real, single-node Apache Kafka broker (KRaft, combined broker + controller) running inside
 * this JVM, so that the project needs neither Docker nor a separately installed Kafka.
 *
 * <p>This is the <em>only</em> class in the project that touches Kafka's test kit
 * ({@code org.apache.kafka:kafka-test-common-runtime}, {@link KafkaClusterTestKit}); everything
 * else talks to the broker through {@link #bootstrapServers()} with ordinary Kafka clients.
 *
 * <h2>Listener</h2>
 * The client listener ({@code PLAINTEXT}) binds {@code localhost:<port>} and advertises exactly
 * {@code localhost:<port>}, so external clients (kcat, {@code kafka-console-producer}, other
 * JVMs) can produce and consume while the broker runs. With {@code port == 0} a free port is
 * chosen and reported by {@link #port()} / {@link #bootstrapServers()}. The test kit's own broker
 * listener ({@code EXTERNAL}) is deliberately not used: the kit pre-binds it to a random port,
 * which would silently override any fixed port. The kit still pre-binds that (unused) socket and
 * the KRaft {@code CONTROLLER} listener's socket on random ports of all interfaces; only the client
 * listener is meant to be used.
 *
 * <h2>Broker defaults</h2>
 * Bootstrapped at the latest <em>production</em> metadata version of the bundled Kafka (the kit
 * defaults to an unstable, testing-only one) with unstable APIs/features disabled; internal
 * topics ({@code __consumer_offsets}, {@code __transaction_state}, {@code __share_group_state})
 * use replication factor 1 / min ISR 1, so consumer groups, transactions and Kafka Streams
 * {@code exactly_once_v2} work; {@code group.initial.rebalance.delay.ms=0}. Topics are still
 * auto-created on first use ({@code auto.create.topics.enable} keeps Kafka's default). Every
 * default can be overridden with {@link Settings#withBrokerConfig(String, String)}.
 *
 * <h2>Data directory and restarts</h2>
 * With {@link Settings#dataDir()} {@code null} a fresh temporary directory is used and deleted on
 * {@link #close()}. With an explicit directory the data is kept on close and <b>reused</b> by the
 * next {@code start} on the same directory (also from another process): topics, records,
 * committed consumer offsets and transaction state survive a restart, including after the
 * process was killed. Delete the directory to start from scratch.
 * <p>The kit has no API for this: its {@code format()} refuses an already formatted directory and
 * every {@link TestKitNodes} gets a random cluster id. So {@code start} skips {@code format()} when
 * {@code <dataDir>/combined_0_0/meta.properties} exists and hands the stored cluster id to the
 * kit. This relies on kit internals (its fixed {@code combined_0_0} layout, and that the random
 * directory id it generates in memory is irrelevant with its static controller quorum); the
 * integration test {@code dataSurvivesRestartWithSameDataDir} guards it on Kafka upgrades.
 * <p>After an unclean exit (kill -9) the next start on that directory takes about 10 s longer: the
 * controller waits for the old broker session to expire ({@code broker.session.timeout.ms}, 9 s).
 * <p>A directory can only be used by one running broker at a time: {@code start} first takes a lock
 * on {@code <dataDir>/embedded-broker.lock} (Kafka's own lock is only taken by the broker half,
 * after the controller half has already opened the metadata log).
 *
 * <h2>Caveats (internal test infrastructure)</h2>
 * <ul>
 *   <li>Kafka's fault handlers are the kit's mock ones: a fatal broker fault is logged at ERROR and
 *       the broker stays up in a possibly broken state instead of exiting the process.</li>
 *   <li>Broker logging goes through SLF4J and is very chatty at INFO: set {@code kafka},
 *       {@code org.apache.kafka}, {@code org.apache.zookeeper} and {@code state.change.logger} to
 *       WARN. Formatting a fresh directory also prints two lines to {@code System.out} (Kafka's
 *       {@code Formatter}; the kit offers no way to redirect them).</li>
 * </ul>
 *
 * <p>Instances are thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /**
     * The kit's {@code format()} prints two lines straight to {@code System.out}; a CLI's stdout is
     * its output, so they go to the log instead. Formatting runs once, before any client starts.
     */
    private static void formatQuietly(KafkaClusterTestKit kit) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            kit.format();
        } finally {
            System.setOut(stdout);
            log.debug("format: {}", captured.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Name of the listener clients connect to. Must differ from the kit's pre-bound "EXTERNAL". */
    static final String CLIENT_LISTENER = "PLAINTEXT";
    /** Sub-directory (log dir + KRaft metadata dir) the kit uses for combined node 0. */
    static final String NODE_DIR = "combined_0_0";
    /** Guards a data directory against a second broker (in this or another process). */
    static final String LOCK_FILE = "embedded-broker.lock";
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How to start the broker.
     *
     * @param port         TCP port of the client listener on {@code localhost}; 0 picks a free one
     * @param dataDir      broker log + metadata directory, kept and reused across restarts;
     *                     {@code null} means a fresh temporary directory deleted on close
     * @param brokerConfig extra broker properties; they override this class's defaults
     *                     (including the listener settings, so override those with care)
     */
    public record Settings(int port, Path dataDir, Map<String, String> brokerConfig) {
        public Settings {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            brokerConfig = brokerConfig == null ? Map.of() : Map.copyOf(brokerConfig);
        }

        /** Random free port, temporary data directory, no extra broker config. */
        public static Settings defaults() {
            return new Settings(0, null, Map.of());
        }

        public Settings withPort(int newPort) {
            return new Settings(newPort, dataDir, brokerConfig);
        }

        public Settings withDataDir(Path newDataDir) {
            return new Settings(port, newDataDir, brokerConfig);
        }

        public Settings withBrokerConfig(String key, String value) {
            Map<String, String> merged = new HashMap<>(brokerConfig);
            merged.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return new Settings(port, dataDir, merged);
        }

        public Settings withBrokerConfig(Map<String, String> extra) {
            Map<String, String> merged = new HashMap<>(brokerConfig);
            merged.putAll(extra);
            return new Settings(port, dataDir, merged);
        }
    }

    /** The broker could not be started; the message is meant for end users (no stack trace needed). */
    public static final class StartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaClusterTestKit kit;
    private final DirLock dirLock;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaClusterTestKit kit, DirLock dirLock, Path dataDir, boolean temporaryDataDir, int port) {
        this.kit = kit;
        this.dirLock = dirLock;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.port = port;
    }

    /**
     * Formats (or reuses, see class doc) the data directory, starts the broker and waits until it
     * accepts clients.
     *
     * @throws StartException with a user-readable message, e.g. when the port is in use or the data
     *                        directory is locked by another broker
     */
    public static EmbeddedKafkaBroker start(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        long startNanos = System.nanoTime();
        if (settings.port() != 0) {
            requirePortFree(settings.port());
        }
        boolean temporary = settings.dataDir() == null;
        Path dataDir;
        try {
            dataDir = temporary
                    ? Files.createTempDirectory("topic-tracker-kafka-")
                    : Files.createDirectories(settings.dataDir().toAbsolutePath());
        } catch (IOException e) {
            throw new StartException("cannot create Kafka data directory "
                    + (temporary ? "(temporary)" : settings.dataDir()) + ": " + e, e);
        }

        DirLock dirLock = null;
        KafkaClusterTestKit kit = null;
        try {
            dirLock = DirLock.acquire(dataDir);
            Optional<String> existingClusterId = readClusterId(dataDir);
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dataDir)
                    .setClusterId(existingClusterId.orElse(null))
                    .build();
            Map<String, String> config = brokerConfig(nodes, settings);
            // The kit deletes its whole base directory if build() fails (typically on an invalid
            // property): validate first so that a typo can never wipe a persistent data directory.
            validate(config, dataDir, nodes);

            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setDeleteOnClose(false); // we delete temporary directories ourselves
            config.forEach(builder::setConfigProp);
            kit = builder.build();
            if (existingClusterId.isEmpty()) {
                formatQuietly(kit);
            }
            startAndAwaitReady(kit);

            int boundPort = brokerServer(kit).boundPort(ListenerName.normalised(CLIENT_LISTENER));
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(kit, dirLock, dataDir, temporary, boundPort);
            log.info("Kafka broker ready at {} in {} ms (cluster {}, {} data dir {})",
                    broker.bootstrapServers(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    nodes.clusterId(), existingClusterId.isPresent() ? "reused" : "new", dataDir);
            return broker;
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(kit);
            if (dirLock != null) {
                dirLock.release();
            }
            if (temporary) {
                deleteQuietly(dataDir);
            }
            throw startFailure(e, settings.port(), dataDir);
        }
    }

    /** {@code localhost:<port>} — the address every Kafka client (in or out of this JVM) should use. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The port the client listener is bound to (the chosen one when {@link Settings#port()} was 0). */
    public int port() {
        return port;
    }

    /** The broker's data directory (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the topics that do not exist yet and waits until every partition of every given topic
     * has a leader. Topics that already exist are left as they are (a differing partition count is
     * only logged).
     */
    public void createTopics(List<NewTopic> topics) {
        requireOpen();
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-broker-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, KafkaFuture<Void>> created = admin.createTopics(topics).values();
            Map<String, NewTopic> requested = new LinkedHashMap<>();
            for (NewTopic topic : topics) {
                requested.put(topic.name(), topic);
            }
            for (Map.Entry<String, KafkaFuture<Void>> entry : created.entrySet()) {
                try {
                    entry.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, requested, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new KafkaException("timed out creating topics " + namesOf(topics), e);
        }
    }

    /** Stops the broker (and deletes the data directory if it was temporary). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        try {
            // also rethrows the first fault the broker recorded while running
            kit.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the Kafka broker at {}", bootstrapServers(), e);
        } catch (Exception e) {
            log.warn("Kafka broker at {} reported an error while running or stopping", bootstrapServers(), e);
        } finally {
            dirLock.release();
            if (temporaryDataDir) {
                deleteQuietly(dataDir);
            }
        }
        log.info("Kafka broker at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    /** The first fault the broker recorded (fatal first), if any; for tests and health checks. */
    Optional<RuntimeException> firstFault() {
        RuntimeException fatal = kit.fatalFaultHandler().firstException();
        return Optional.ofNullable(fatal != null ? fatal : kit.nonFatalFaultHandler().firstException());
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", dataDir=" + dataDir + (closed.get() ? ", closed]" : "]");
    }

    // ----------------------------------------------------------------------------------------

    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(Feature::featureName, f -> f.defaultLevel(version),
                        (a, b) -> a, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, features, "topic-tracker embedded broker");
    }

    private static Map<String, String> brokerConfig(TestKitNodes nodes, Settings settings) {
        String controllerListener = nodes.controllerListenerName().value();
        if (CLIENT_LISTENER.equals(nodes.brokerListenerName().value())) {
            throw new IllegalStateException("client listener name clashes with the test kit's pre-bound listener");
        }
        Map<String, String> config = new LinkedHashMap<>();
        // Our own listener: the kit's PreboundSocketFactory only hands out its random pre-bound
        // sockets for the listener names it knows (EXTERNAL, CONTROLLER); any other name is bound
        // to the configured host:port.
        config.put("listeners", CLIENT_LISTENER + "://localhost:" + settings.port()
                + "," + controllerListener + "://localhost:0");
        config.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT,"
                + controllerListener + ":" + nodes.controllerListenerProtocol().name);
        config.put("inter.broker.listener.name", CLIENT_LISTENER);
        if (settings.port() != 0) {
            // with port 0 the broker registers its bound port in place of the ephemeral one
            config.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + settings.port());
        }
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        config.putAll(settings.brokerConfig());
        return config;
    }

    /** Builds the same KafkaConfig the kit will build (see KafkaClusterTestKit.Builder#createNodeConfig). */
    private static void validate(Map<String, String> config, Path dataDir, TestKitNodes nodes) {
        int nodeId = nodes.brokerNodes().firstKey();
        String nodeDir = dataDir.resolve(NODE_DIR).toString();
        Map<String, Object> props = new HashMap<>(config);
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("metadata.log.dir", nodeDir);
        props.put("log.dirs", nodeDir);
        props.putIfAbsent("controller.listener.names", nodes.controllerListenerName().value());
        props.put("controller.quorum.voters", nodeId + "@localhost:1"); // the kit uses its pre-bound port here
        try {
            new KafkaConfig(props, false);
        } catch (RuntimeException e) {
            throw new StartException("invalid Kafka broker configuration: " + e.getMessage(), e);
        }
    }

    private static void startAndAwaitReady(KafkaClusterTestKit kit) throws Exception {
        ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "embedded-kafka-broker-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> started = starter.submit(() -> {
                kit.startup();
                kit.waitForReadyBrokers();
                return null;
            });
            try {
                started.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException e) {
                started.cancel(true);
                throw new TimeoutException("broker not ready after " + START_TIMEOUT.toSeconds() + " s");
            }
        } finally {
            starter.shutdownNow();
        }
    }

    private static BrokerServer brokerServer(KafkaClusterTestKit kit) {
        return kit.brokers().values().iterator().next();
    }

    /** The cluster id stored by a previous run in this data directory, if any. */
    private static Optional<String> readClusterId(Path dataDir) throws IOException {
        Path metaProperties = dataDir.resolve(NODE_DIR).resolve("meta.properties");
        if (!Files.isRegularFile(metaProperties)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            props.load(in);
        }
        String clusterId = props.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IOException(metaProperties + " has no cluster.id; delete " + dataDir + " to start afresh");
        }
        return Optional.of(clusterId.trim());
    }

    private static void requirePortFree(int port) {
        // wildcard first (catches a listener on any address), then localhost (what we bind)
        for (InetSocketAddress address : List.of(new InetSocketAddress(port), new InetSocketAddress("localhost", port))) {
            try (ServerSocketChannel channel = ServerSocketChannel.open()) {
                channel.bind(address);
            } catch (BindException e) {
                throw portInUse(port, e);
            } catch (IOException e) {
                throw new StartException("cannot check whether port " + port + " is free: " + e, e);
            }
        }
    }

    private static StartException portInUse(int port, Throwable cause) {
        return new StartException("port " + port + " is already in use — is another Kafka running?", cause);
    }

    private static StartException dataDirInUse(Path dataDir, Throwable cause) {
        return new StartException("Kafka data directory " + dataDir
                + " is in use by another broker — is another topic-tracker running?", cause);
    }

    /** Maps a failure inside the kit/broker to a user-readable StartException. */
    static StartException startFailure(Throwable e, int port, Path dataDir) {
        if (e instanceof StartException startException) {
            return startException;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof BindException || message.contains("Address already in use")) {
                return portInUse(port, e);
            }
            if (message.contains("Failed to acquire lock")) {
                return dataDirInUse(dataDir, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StartException("embedded Kafka broker failed to start: " + root, e);
    }

    private static void awaitLeaders(Admin admin, Map<String, NewTopic> requested, long deadline)
            throws InterruptedException, TimeoutException {
        Set<String> names = requested.keySet();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
                if (ready) {
                    descriptions.values().forEach(d -> warnOnPartitionMismatch(d, requested.get(d.name())));
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("cannot describe topics " + names + ": " + e.getCause(), e.getCause());
                }
            }
            if (remainingMillis(deadline) == 0) {
                throw new TimeoutException("partitions of " + names + " have no leader yet");
            }
            Thread.sleep(20); // short back-off between metadata polls
        }
    }

    private static void warnOnPartitionMismatch(TopicDescription description, NewTopic requested) {
        int wanted = requested.numPartitions();
        if (wanted > 0 && description.partitions().size() != wanted) {
            log.warn("Topic {} already exists with {} partitions (requested {}); leaving it unchanged",
                    description.name(), description.partitions().size(), wanted);
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static List<String> namesOf(List<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        if (kit == null) {
            return;
        }
        try {
            kit.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("Error while stopping a Kafka broker that failed to start", e);
        }
    }

    /** An exclusive lock on {@code <dataDir>/LOCK_FILE}, held while the broker runs. */
    private record DirLock(FileChannel channel, FileLock lock) {
        static DirLock acquire(Path dataDir) throws IOException {
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // held by a broker in this JVM
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw dataDirInUse(dataDir, null);
            }
            return new DirLock(channel, lock);
        }

        void release() {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                log.warn("Could not release the lock on the Kafka data directory", e);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            log.warn("Could not delete Kafka data directory {}", dir, e);
        }
    }
}
