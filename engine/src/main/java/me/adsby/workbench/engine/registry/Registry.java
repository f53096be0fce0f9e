package me.adsby.workbench.engine.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.PreconditionFailedException;
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryMirror;

/**
 * The serving registry: SavedModels in TensorFlow Serving's layout under a local folder or a {@code gs://}
 * prefix, and the {@code models.config} that says which versions TF Serving serves and where labels point.
 *
 * <pre>
 * &lt;registry&gt;/models.config                    ModelServerConfig text ({@link ModelServerConfig})
 * &lt;registry&gt;/&lt;model&gt;/labels.json                every label move, for rollback from any machine ({@link LabelLog})
 * &lt;registry&gt;/&lt;model&gt;/&lt;version&gt;/saved_model.pb      written last: a version without it is not there
 * &lt;registry&gt;/&lt;model&gt;/&lt;version&gt;/variables/...
 * &lt;registry&gt;/&lt;model&gt;/&lt;version&gt;/assets.extra/model_card.json   written first, if absent: it claims the number
 * </pre>
 *
 * <ul>
 *   <li>Versions only grow: the next is one more than the highest version folder, whole or not. A publish that
 *       stopped half-way (and could not clean up) leaves a folder without {@code saved_model.pb}: readers skip
 *       it, {@link #show} lists it as incomplete, and its number is never used again.</li>
 *   <li>Every uploaded object is read back ({@link BlobStore#stat}) and its size and CRC32C (else MD5, else the
 *       bytes read back) checked against the file's before the next is written.</li>
 *   <li>{@code models.config} and {@code labels.json} are rewritten read-modify-write with a generation
 *       precondition, retried on conflict, so two publishers never lose each other's change.</li>
 *   <li>The served set: every published version until it is archived; labels point only at served versions,
 *       and labelling an archived version serves it again (ADR "the registry serves published versions until
 *       archived").</li>
 * </ul>
 *
 * When given a {@link RegistryMirror}, every change is also recorded in this home's history with an audit line.
 * Thread-safe; several processes and machines may share one registry.
 */
public final class Registry {

    public static final String PRODUCTION = "production";
    public static final String STAGING = "staging";
    public static final Set<String> LABELS = Set.of(PRODUCTION, STAGING);
    public static final String CONFIG_FILE = "models.config";
    public static final String SAVED_MODEL = "saved_model.pb";
    /** Where a version's files go before it is whole: a folder name TF Serving ignores. */
    static final String STAGING_PREFIX = "staging-";
    /** The claimed version numbers, one object each. */
    static final String CLAIMS = "claims";

    /** How often a conditional rewrite is tried before giving up. */
    static final int MAX_ATTEMPTS = 12;

    private final BlobStore store;
    private final BlobUri root;
    private final RegistryMirror mirror;
    private final String user;
    private final Clock clock;

    /**
     * @param store  the store that holds {@code root}
     * @param root   the registry's folder: an absolute path or a {@code gs://} prefix
     * @param mirror where to record changes and audit lines, or null
     * @param user   who acts, for cards, label logs and the audit log
     */
    public Registry(BlobStore store, BlobUri root, RegistryMirror mirror, String user, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.root = Objects.requireNonNull(root, "root");
        this.mirror = mirror;
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The user name of this process, for {@code user}. */
    public static String currentUser() {
        String name = System.getProperty("user.name");
        return name == null || name.isBlank() ? "unknown" : name;
    }

    public BlobUri root() {
        return root;
    }

    public BlobStore store() {
        return store;
    }

    public BlobUri configUri() {
        return root.resolve(CONFIG_FILE);
    }

    /** The model's folder: TF Serving's {@code base_path}. */
    public BlobUri modelUri(String model) {
        return root.resolve(ModelNames.check(model));
    }

    public BlobUri versionUri(String model, long version) {
        return modelUri(model).resolve(Long.toString(version));
    }

    // Reading

    /** {@code models.config} and its generation (0 when there is none yet). */
    public record ConfigSnapshot(ModelServerConfig config, long generation) {
    }

    /** Reads {@code models.config}; an absent file is an empty config with generation 0. */
    public ConfigSnapshot readConfig() throws IOException {
        BlobUri uri = configUri();
        Optional<BlobInfo> info = store.stat(uri);
        if (info.isEmpty()) {
            return new ConfigSnapshot(ModelServerConfig.EMPTY, 0);
        }
        String text;
        try (InputStream in = store.open(uri)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new ConfigSnapshot(ModelServerConfig.parse(text, uri.toString()), info.get().generation());
    }

    /** The models: the registry's folders with model names, in name order. */
    public List<String> models() throws IOException {
        List<String> names = new ArrayList<>();
        for (BlobUri folder : folders(root)) {
            if (ModelNames.isValid(folder.name())) {
                names.add(folder.name());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** The model's whole versions (with {@code saved_model.pb}), oldest first. */
    public List<Long> versions(String model) throws IOException {
        List<Long> whole = new ArrayList<>();
        for (long version : versionFolders(model)) {
            if (isWhole(model, version)) {
                whole.add(version);
            }
        }
        return whole;
    }

    /** Whether the version's {@code saved_model.pb} is there. */
    public boolean isWhole(String model, long version) throws IOException {
        return store.stat(versionUri(model, version).resolve(SAVED_MODEL)).isPresent();
    }

    /** A version's model card, or empty when it has none. */
    public Optional<ModelCard> card(String model, long version) throws IOException {
        BlobUri uri = versionUri(model, version).resolve(ModelCard.FILE);
        try (InputStream in = store.open(uri)) {
            return Optional.of(RegistryJson.MAPPER.readValue(in, ModelCard.class));
        } catch (BlobNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A model's label log; empty when it has none. */
    public LabelLog labelLog(String model) throws IOException {
        BlobUri uri = modelUri(model).resolve(LabelLog.FILE);
        try (InputStream in = store.open(uri)) {
            return RegistryJson.MAPPER.readValue(in, LabelLog.class);
        } catch (BlobNotFoundException e) {
            return LabelLog.EMPTY;
        }
    }

    /**
     * Everything about one model.
     *
     * @throws IllegalArgumentException when the registry has no such model
     */
    public RegistryModel show(String model) throws IOException {
        List<Long> folders = versionFolders(model);
        ModelServerConfig config = readConfig().config();
        Optional<ModelConfig> entry = config.model(model);
        List<BlobUri> children = folders(modelUri(model));
        if (folders.isEmpty() && entry.isEmpty() && children.isEmpty()) {
            throw new IllegalArgumentException("The registry " + root + " has no model '" + model + "'");
        }
        SortedSet<Long> served = entry.map(ModelConfig::versions).orElse(Collections.emptySortedSet());
        SortedMap<String, Long> labels = entry.map(ModelConfig::labels).orElse(Collections.emptySortedMap());
        List<RegistryVersion> versions = new ArrayList<>();
        List<Long> incomplete = new ArrayList<>();
        for (long version : folders) {
            if (!isWhole(model, version)) {
                incomplete.add(version);
                continue;
            }
            List<String> on = labels.entrySet().stream().filter(l -> l.getValue() == version).map(Map.Entry::getKey).toList();
            ModelCard card;
            try {
                card = card(model, version).orElse(null);
            } catch (IOException e) {
                card = null;
            }
            versions.add(new RegistryVersion(version, versionUri(model, version).toString(), served.contains(version), on, card));
        }
        for (BlobUri folder : children) {
            String[] parts = folder.name().split("-");
            if (folder.name().startsWith(STAGING_PREFIX) && parts.length == 3 && parts[1].matches("[0-9]{1,18}")
                    && !incomplete.contains(Long.parseLong(parts[1])) && !isWhole(model, Long.parseLong(parts[1]))) {
                incomplete.add(Long.parseLong(parts[1]));
            }
        }
        LabelLog log = labelLog(model);
        return new RegistryModel(model, versions, new TreeSet<>(served), new TreeMap<>(labels), log.productionStack(),
                log.events(), incomplete);
    }

    // Changing

    /**
     * Adds a SavedModel as the model's next version and serves it (unlabelled). The number is claimed first
     * ({@code <model>/claims/<N>}); every file is uploaded and checked under {@code <model>/staging-<N>-<id>/},
     * a name TF Serving ignores; then the files are copied into {@code <model>/<N>/} with {@code saved_model.pb}
     * last, so the numbered folder is whole as soon as TF Serving can load it. On failure what was written is
     * removed as far as possible; a killed publish leaves a staging folder, which {@link #show} lists as
     * incomplete and {@link #clean} removes.
     *
     * @param savedModel a SavedModel's folder (e.g. a run's {@code model/})
     * @param card       what to say of it ({@link ModelCard#of}); stamped with model, version, user and time
     * @return the new version's number
     */
    public long addVersion(String model, Path savedModel, ModelCard card) throws IOException {
        return addVersion(model, savedModel, card, null);
    }

    /** As {@link #addVersion(String, Path, ModelCard)}, with {@code details} for the audit log's publish line. */
    public long addVersion(String model, Path savedModel, ModelCard card, String details) throws IOException {
        ModelNames.check(model);
        Objects.requireNonNull(card, "card");
        Path savedModelFile = savedModel.resolve(SAVED_MODEL);
        if (!Files.isRegularFile(savedModelFile)) {
            throw new IllegalArgumentException("No SavedModel in " + savedModel + " (" + SAVED_MODEL + " is missing)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(savedModel)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.equals(savedModelFile))
                    .filter(file -> !relative(savedModel, file).equals(ModelCard.FILE))
                    .sorted().toList();
        }
        long version = claimVersion(model);
        ModelCard stamped = card.published(model, version, user, clock.instant());
        BlobUri staging = modelUri(model).resolve(STAGING_PREFIX + version + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8));
        BlobUri folder = versionUri(model, version);
        List<BlobUri> written = new ArrayList<>();
        List<String> order = new ArrayList<>();
        try {
            // Everything goes under a name TF Serving ignores (it loads only folders named by integers) ...
            for (Path file : files) {
                String name = relative(savedModel, file);
                written.add(staging.resolve(name));
                uploadFile(file, staging.resolve(name), WriteCondition.NONE);
                order.add(name);
            }
            written.add(staging.resolve(ModelCard.FILE));
            uploadBytes(RegistryJson.MAPPER.writeValueAsBytes(stamped), staging.resolve(ModelCard.FILE), "application/json",
                    WriteCondition.IF_ABSENT);
            order.add(ModelCard.FILE);
            written.add(staging.resolve(SAVED_MODEL));
            uploadFile(savedModelFile, staging.resolve(SAVED_MODEL), WriteCondition.NONE);
            order.add(SAVED_MODEL);
            // ... then into the numbered folder, saved_model.pb last: the version is whole once TF Serving can load it.
            for (String name : order) {
                written.add(folder.resolve(name));
                copyVerified(staging.resolve(name), folder.resolve(name),
                        name.equals(SAVED_MODEL) ? WriteCondition.IF_ABSENT : WriteCondition.NONE);
            }
        } catch (IOException | RuntimeException e) {
            removeQuietly(written, e);
            throw e;
        }
        IOException cleanup = new IOException("staging copies left behind");
        removeQuietly(order.stream().map(staging::resolve).toList(), cleanup);
        RegistryListing.pruneEmptyFolders(staging);
        long added = version;
        updateConfig(config -> config.with(entry(config, model).withVersion(added)));
        if (mirror != null) {
            mirror.recordVersion(root.toString(), model, version, stamped.sourceRunId(), user, stamped.publishedAt(),
                    details);
        }
        return version;
    }

    /** Points {@code label} at {@code version} (serving it if it was archived). */
    public void label(String model, long version, String label) throws IOException {
        label(model, version, label, RegistryAction.LABEL, null);
    }

    /**
     * Points {@code label} at {@code version} (serving it if it was archived), logged as {@code action}.
     *
     * @param action {@link RegistryAction#LABEL}, or {@link RegistryAction#OVERRIDE} when the validation gate
     *               said no and a person decided otherwise
     * @param reason why, or null; required for an override
     */
    public void label(String model, long version, String label, RegistryAction action, String reason) throws IOException {
        ModelNames.check(model);
        checkLabel(label);
        if (action != RegistryAction.LABEL && action != RegistryAction.OVERRIDE && action != RegistryAction.ROLLBACK) {
            throw new IllegalArgumentException("A label move is a label, an override or a rollback, not " + action.id());
        }
        if (action == RegistryAction.OVERRIDE && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("An override needs a reason");
        }
        requireWhole(model, version);
        Long[] previous = new Long[1];
        updateConfig(config -> {
            ModelConfig entry = entry(config, model);
            previous[0] = entry.labels().get(label);
            return config.with(entry.withLabel(label, version));
        });
        record(model, label, version, previous[0], action, reason);
    }

    /**
     * Adds the version to the served set, unlabelled, in a config write of its own (the first step of a label
     * move, {@link LabelMoves}).
     *
     * @return whether it was not served before
     */
    public boolean serveVersion(String model, long version) throws IOException {
        ModelNames.check(model);
        requireWhole(model, version);
        boolean[] added = new boolean[1];
        updateConfig(config -> {
            ModelConfig entry = entry(config, model);
            added[0] = !entry.versions().contains(version);
            return added[0] ? config.with(entry.withVersion(version)) : config;
        });
        return added[0];
    }

    /**
     * The version a rollback of {@code production} would restore: the one it pointed at before the current one.
     *
     * @throws IllegalStateException when the model has no production label or no earlier production version
     */
    public long rollbackTarget(String model) throws IOException {
        ModelNames.check(model);
        Long current = readConfig().config().model(model).map(m -> m.labels().get(PRODUCTION)).orElse(null);
        if (current == null) {
            throw new IllegalStateException("Model " + model + " has no production version to roll back from");
        }
        long target = labelLog(model).rollbackTarget(current).orElseThrow(() -> new IllegalStateException("Model " + model
                + ": production has been version " + current + " only; there is no earlier version to roll back to"));
        requireWhole(model, target);
        return target;
    }

    /** Who this registry's changes are logged as. */
    public String user() {
        return user;
    }

    /**
     * Moves {@code production} back to the version it pointed at before the current one, in one config write:
     * only for a version TF Serving has loaded already; {@link LabelMoves#rollback} waits when it must.
     *
     * @return the version production now points at
     * @throws IllegalStateException when the model has no production label or no earlier production version
     */
    public long rollback(String model) throws IOException {
        ModelNames.check(model);
        LabelLog log = labelLog(model);
        long[] moved = new long[2];
        updateConfig(config -> {
            Long current = config.model(model).map(m -> m.labels().get(PRODUCTION)).orElse(null);
            if (current == null) {
                throw new IllegalStateException("Model " + model + " has no production version to roll back from");
            }
            long target = log.rollbackTarget(current).orElseThrow(() -> new IllegalStateException("Model " + model
                    + ": production has been version " + current + " only; there is no earlier version to roll back to"));
            requireWhole(model, target);
            moved[0] = current;
            moved[1] = target;
            return config.with(entry(config, model).withLabel(PRODUCTION, target));
        });
        record(model, PRODUCTION, moved[1], moved[0], RegistryAction.ROLLBACK, null);
        return moved[1];
    }

    /**
     * Takes a version out of the served set; its files stay, and labelling it later serves it again.
     *
     * @return false when it was not served
     * @throws IllegalStateException when a label points at it
     */
    public boolean archive(String model, long version) throws IOException {
        ModelNames.check(model);
        if (versionFolders(model).stream().noneMatch(v -> v == version)) {
            throw new IllegalArgumentException("Model " + model + " has no version " + version + " in " + root);
        }
        boolean[] changed = new boolean[1];
        updateConfig(config -> {
            Optional<ModelConfig> entry = config.model(model);
            changed[0] = entry.isPresent() && entry.get().versions().contains(version);
            if (!changed[0]) {
                return config;
            }
            List<String> on = entry.get().labels().entrySet().stream().filter(l -> l.getValue() == version)
                    .map(Map.Entry::getKey).toList();
            if (!on.isEmpty()) {
                throw new IllegalStateException("Version " + version + " of " + model + " is labelled " + String.join(", ", on)
                        + ": move the label to another version before archiving it");
            }
            return config.with(entry.get().withoutVersion(version));
        });
        if (changed[0] && mirror != null) {
            mirror.recordArchive(root.toString(), model, version, user, null);
        }
        return changed[0];
    }

    // Internals

    private void record(String model, String label, long version, Long previous, RegistryAction action, String reason)
            throws IOException {
        LabelEvent event = new LabelEvent(action.id(), label, version, previous, user, clock.instant(), reason);
        BlobUri uri = modelUri(model).resolve(LabelLog.FILE);
        for (int attempt = 1; ; attempt++) {
            Optional<BlobInfo> info = store.stat(uri);
            LabelLog log = info.isEmpty() ? LabelLog.EMPTY : labelLog(model);
            WriteCondition condition = info.isEmpty() ? WriteCondition.IF_ABSENT
                    : WriteCondition.ifGenerationMatches(info.get().generation());
            try {
                store.write(uri, new ByteArrayInputStream(RegistryJson.MAPPER.writeValueAsBytes(log.with(event))),
                        "application/json", condition);
                break;
            } catch (PreconditionFailedException e) {
                giveUpOrWait(attempt, uri, e);
            }
        }
        if (mirror != null) {
            String details = label + ": " + (previous == null ? "none" : previous) + " -> " + version
                    + (reason == null ? "" : "; " + reason);
            mirror.recordLabel(root.toString(), model, label, version, action, user, details);
        }
    }

    /** A change of the config that may read the store. */
    @FunctionalInterface
    interface ConfigChange {
        ModelServerConfig apply(ModelServerConfig config) throws IOException;
    }

    /** Read, change, write if the generation is still the one read; again on conflict. */
    ModelServerConfig updateConfig(ConfigChange change) throws IOException {
        BlobUri uri = configUri();
        for (int attempt = 1; ; attempt++) {
            ConfigSnapshot current = readConfig();
            ModelServerConfig next = change.apply(current.config());
            if (next.equals(current.config()) && current.generation() != 0) {
                return next;
            }
            WriteCondition condition = current.generation() == 0 ? WriteCondition.IF_ABSENT
                    : WriteCondition.ifGenerationMatches(current.generation());
            try {
                store.write(uri, new ByteArrayInputStream(next.toText().getBytes(StandardCharsets.UTF_8)),
                        "text/plain; charset=utf-8", condition);
                return next;
            } catch (PreconditionFailedException e) {
                giveUpOrWait(attempt, uri, e);
            }
        }
    }

    private static void giveUpOrWait(int attempt, BlobUri uri, PreconditionFailedException conflict) throws IOException {
        if (attempt >= MAX_ATTEMPTS) {
            throw new IOException(uri + " kept changing under this update (" + MAX_ATTEMPTS + " tries); try again", conflict);
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while updating " + uri);
        }
    }

    private ModelConfig entry(ModelServerConfig config, String model) {
        return config.model(model).orElseGet(() -> new ModelConfig(model, modelUri(model).toString(),
                new TreeSet<>(), new TreeMap<>()));
    }

    private static void checkLabel(String label) {
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("'" + label + "' is not a label: use production or staging");
        }
    }

    private void requireWhole(String model, long version) throws IOException {
        if (!isWhole(model, version)) {
            throw new IllegalArgumentException("Model " + model + " has no version " + version + " in " + root);
        }
    }

    private long nextVersion(String model) throws IOException {
        long highest = versionFolders(model).stream().mapToLong(Long::longValue).max().orElse(0);
        for (BlobInfo claim : RegistryListing.objects(store, modelUri(model).resolve(CLAIMS))) {
            String name = claim.uri().name();
            if (!name.isEmpty() && name.length() <= 18 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                highest = Math.max(highest, Long.parseLong(name));
            }
        }
        return highest + 1;
    }

    /**
     * Claims the model's next version number with {@code <model>/claims/<N>}, written only if absent, so that two
     * publishers never take one number; the claim stays, and the number is never reused.
     */
    private long claimVersion(String model) throws IOException {
        long version = nextVersion(model);
        for (int attempt = 1; ; attempt++) {
            BlobUri claim = modelUri(model).resolve(CLAIMS).resolve(Long.toString(version));
            try {
                store.write(claim, new ByteArrayInputStream((user + " at " + clock.instant()).getBytes(StandardCharsets.UTF_8)),
                        "text/plain; charset=utf-8", WriteCondition.IF_ABSENT);
                return version;
            } catch (PreconditionFailedException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new IOException("Could not claim a version number for " + model + " in " + root
                            + ": others took " + MAX_ATTEMPTS + " in a row", e);
                }
                version = Math.max(version + 1, nextVersion(model));
            }
        }
    }

    /** Copies an object and checks the copy's size and checksum against the source's. */
    private void copyVerified(BlobUri source, BlobUri target, WriteCondition condition) throws IOException {
        BlobInfo from = store.stat(source).orElseThrow(() -> new IOException(source + ": gone before it was copied"));
        BlobInfo to = store.copy(source, target, condition);
        if (to.size() != from.size()) {
            throw new IOException(target + ": " + to.size() + " bytes after the copy, " + from.size() + " in " + source);
        }
    }

    /**
     * Removes what killed publishes left ({@link RegistryCleanup}): staging folders, and unserved numbered folders
     * without {@code saved_model.pb}, whose newest file is older than {@code olderThan}.
     *
     * @return the folders removed
     */
    public List<String> clean(String model, java.time.Duration olderThan) throws IOException {
        ModelNames.check(model);
        java.util.Set<Long> served = readConfig().config().model(model).map(ModelConfig::versions).orElse(new TreeSet<>());
        return new RegistryCleanup(store, modelUri(model), clock.instant().minus(olderThan)).clean(versionFolders(model),
                served, version -> isWhole(model, version));
    }

    /** Every version folder of the model, whole or not, in number order. */
    List<Long> versionFolders(String model) throws IOException {
        List<Long> versions = new ArrayList<>();
        for (BlobUri folder : folders(modelUri(model))) {
            String name = folder.name();
            if (!name.isEmpty() && name.length() <= 18 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long version = Long.parseLong(name);
                if (version > 0) {
                    versions.add(version);
                }
            }
        }
        Collections.sort(versions);
        return versions;
    }

    private List<BlobUri> folders(BlobUri parent) throws IOException {
        return RegistryListing.folders(store, parent);
    }

    private void uploadFile(Path file, BlobUri target, WriteCondition condition) throws IOException {
        Checksums expected = Checksums.ofFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            store.write(target, in, "application/octet-stream", condition);
        }
        verify(target, expected);
    }

    private void uploadBytes(byte[] bytes, BlobUri target, String contentType, WriteCondition condition) throws IOException {
        store.write(target, new ByteArrayInputStream(bytes), contentType, condition);
        verify(target, Checksums.of(bytes));
    }

    /** Reads back the object's metadata and checks its size and checksum against the source's. */
    private void verify(BlobUri uri, Checksums expected) throws IOException {
        BlobInfo info = store.stat(uri).orElseThrow(() -> new IOException(uri + ": not there right after its upload"));
        if (info.size() != expected.size()) {
            throw new IOException(uri + ": the store holds " + info.size() + " bytes, the file has " + expected.size());
        }
        if (info.crc32c() != null) {
            if (!info.crc32c().equals(expected.crc32c())) {
                throw new IOException(uri + ": CRC32C " + info.crc32c() + " is not the file's " + expected.crc32c());
            }
        } else if (info.md5() != null) {
            if (!info.md5().equals(expected.md5())) {
                throw new IOException(uri + ": MD5 " + info.md5() + " is not the file's " + expected.md5());
            }
        } else {
            Checksums stored;
            try (InputStream in = store.open(uri)) {
                stored = Checksums.of(in.readAllBytes());
            }
            if (!stored.crc32c().equals(expected.crc32c())) {
                throw new IOException(uri + ": the bytes read back differ from the file's (CRC32C " + stored.crc32c()
                        + ", expected " + expected.crc32c() + ")");
            }
        }
    }

    private void removeQuietly(List<BlobUri> written, Exception failure) {
        RegistryListing.removeQuietly(store, written, failure);
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    /** Size, base64 big-endian CRC32C and base64 MD5, as GCS states them. */
    private record Checksums(long size, String crc32c, String md5) {

        static Checksums of(byte[] bytes) {
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            return new Checksums(bytes.length, text(crc), Base64.getEncoder().encodeToString(newMd5().digest(bytes)));
        }

        static Checksums ofFile(Path file) throws IOException {
            CRC32C crc = new CRC32C();
            MessageDigest md5 = newMd5();
            long size = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                    md5.update(buffer, 0, n);
                    size += n;
                }
            }
            return new Checksums(size, text(crc), Base64.getEncoder().encodeToString(md5.digest()));
        }

        private static String text(CRC32C crc) {
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }

        private static MessageDigest newMd5() {
            try {
                return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("This Java has no MD5", e);
            }
        }
    }
}
