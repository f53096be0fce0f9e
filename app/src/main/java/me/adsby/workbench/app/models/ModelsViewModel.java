package me.adsby.workbench.app.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.registry.LabelLog;
import me.adsby.workbench.engine.registry.LabelMoves;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.PollIntervalWait;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.registry.RegistrySettings;
import me.adsby.workbench.engine.registry.RegistryModel;
import me.adsby.workbench.engine.registry.RegistryVersion;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryAuditEntry;
import me.adsby.workbench.storage.history.RegistryMirror;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * The Models screen's state: the registry's models, the selected model's versions with their labels, card
 * metrics and source runs, the selected version's card, and the audit log of this home. Reading and every
 * change (label, roll back, archive) run off the FX thread; after a change everything is read again.
 */
public final class ModelsViewModel {

    /** One model in the list. */
    public record ModelRow(String name, int versions, Long production, Long staging) {
    }

    /**
     * One version in the table.
     *
     * @param served  whether {@code models.config} serves it; false: archived
     * @param auc     the card's AUC with its interval when it has one, else ""
     * @param logLoss the card's log loss likewise
     * @param card    its model card, or null
     */
    public record VersionRow(long version, List<String> labels, boolean served, String auc, String logLoss,
            String sourceRunId, String publishedBy, Instant publishedAt, ModelCard card) {

        public boolean archived() {
            return !served;
        }
    }

    /** A change of the registry, off the FX thread; says what it did. */
    @FunctionalInterface
    private interface Change {
        String run(ProgressListener progress, Cancellation cancel) throws Exception;
    }

    /** What one read of the registry and the audit log found. */
    private record Snapshot(List<RegistryModel> models, List<RegistryAuditEntry> audit) {
    }

    private final TaskExecutor tasks;
    private final Registry registry;
    private final RegistryMirror mirror;
    private final Notifications notifications;

    private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<RegistryAuditEntry> audit = FXCollections.observableArrayList();
    private final ObjectProperty<ModelRow> selectedModel = new SimpleObjectProperty<>();
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RegistryModel> shownModel = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> rollbackTarget = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cardText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper archiveBlocked = new ReadOnlyStringWrapper("Select a version to archive.");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private List<RegistryModel> read = List.of();

    /** @param mirror this home's record of registry changes, for the audit log; null when there is none */
    public ModelsViewModel(TaskExecutor tasks, Registry registry, RegistryMirror mirror, Notifications notifications) {
        this.tasks = tasks;
        this.registry = registry;
        this.mirror = mirror;
        this.notifications = notifications;
        selectedModel.addListener((property, old, now) -> showModel(now == null ? null : now.name()));
        selectedVersion.addListener((property, old, now) -> showVersion(now));
    }

    public Registry registry() {
        return registry;
    }

    /** Reads the registry's models, the selected one's versions and the audit log again. */
    public void reload() {
        busy.set(true);
        tasks.submit(BackgroundTask.of("Reading the registry", (progress, cancel) -> read()).quiet()
                .onSuccess(this::apply)
                .onFailure(failure -> {
                    busy.set(false);
                    loaded.set(true);
                    status.set("The registry " + registry.root() + " cannot be read: " + failure.getMessage());
                    notifications.error("Cannot read the registry", failure);
                }));
    }

    private Snapshot read() throws Exception {
        List<RegistryModel> found = new ArrayList<>();
        for (String name : registry.models()) {
            try {
                found.add(registry.show(name));
            } catch (IllegalArgumentException e) {
                // A folder with neither versions nor a config entry is not a model yet.
            }
        }
        List<RegistryAuditEntry> entries = new ArrayList<>();
        if (mirror != null) {
            String root = registry.root().toString();
            for (RegistryModel model : found) {
                entries.addAll(mirror.audit(root, model.name()));
            }
        }
        entries.sort(Comparator.comparing(RegistryAuditEntry::at).thenComparingLong(RegistryAuditEntry::id).reversed());
        return new Snapshot(found, entries);
    }

    private void apply(Snapshot snapshot) {
        busy.set(false);
        loaded.set(true);
        read = snapshot.models();
        String selected = selectedModel.get() == null ? null : selectedModel.get().name();
        List<ModelRow> rows = snapshot.models().stream().map(m -> new ModelRow(m.name(), m.versions().size(),
                m.labels().get(Registry.PRODUCTION), m.labels().get(Registry.STAGING))).toList();
        models.setAll(rows);
        audit.setAll(snapshot.audit());
        status.set(rows.isEmpty() ? "" : rows.size() + " model(s) in " + registry.root());
        ModelRow again = rows.stream().filter(row -> row.name().equals(selected)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        if (again != null && again.equals(selectedModel.get())) {
            showModel(again.name());
        } else {
            selectedModel.set(again);
        }
    }

    private void showModel(String name) {
        RegistryModel before = shownModel.get();
        boolean sameModel = before != null && before.name().equals(name);
        Long keep = selectedVersion.get() == null || !sameModel ? null : selectedVersion.get().version();
        RegistryModel model = name == null ? null
                : read.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
        shownModel.set(model);
        if (model == null) {
            versions.clear();
            rollbackTarget.set(null);
            selectedVersion.set(null);
            return;
        }
        List<VersionRow> rows = model.versions().stream().map(ModelsViewModel::row).toList();
        versions.setAll(rows);
        Long production = model.labels().get(Registry.PRODUCTION);
        rollbackTarget.set(production == null ? null
                : new LabelLog(model.labelEvents()).rollbackTarget(production).orElse(null));
        VersionRow chosen = rows.stream().filter(row -> keep != null && row.version() == keep).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(rows.size() - 1));
        if (chosen != null && chosen.equals(selectedVersion.get())) {
            showVersion(chosen);
        } else {
            selectedVersion.set(chosen);
        }
    }

    private static VersionRow row(RegistryVersion version) {
        ModelCard card = version.card();
        return new VersionRow(version.version(), version.labels(), version.served(),
                card == null ? "" : CardMetrics.text(card.metrics(), "auc"),
                card == null ? "" : CardMetrics.text(card.metrics(), "log_loss"),
                card == null ? null : card.sourceRunId(), card == null ? null : card.publishedBy(),
                card == null ? null : card.publishedAt(), card);
    }

    private void showVersion(VersionRow row) {
        cardText.set(row == null ? "" : cardText(row));
        if (row == null) {
            archiveBlocked.set("Select a version to archive.");
        } else if (!row.labels().isEmpty()) {
            archiveBlocked.set("Version " + row.version() + " is labelled " + String.join(", ", row.labels())
                    + ": move the label to another version before archiving it.");
        } else if (!row.served()) {
            archiveBlocked.set("Version " + row.version() + " is archived already.");
        } else {
            archiveBlocked.set("");
        }
    }

    /** The card as key: value lines, its JSON parts pretty-printed. */
    static String cardText(VersionRow row) {
        ModelCard card = row.card();
        if (card == null) {
            return "Version " + row.version() + " has no model card.";
        }
        StringBuilder text = new StringBuilder();
        line(text, "model", card.model());
        line(text, "version", Long.toString(card.version()));
        line(text, "source run", card.sourceRunId());
        line(text, "published by", card.publishedBy());
        line(text, "published at", card.publishedAt() == null ? null : card.publishedAt().toString());
        line(text, "evaluation dataset", card.evaluationDataset());
        line(text, "served", row.served() ? "yes" : "no (archived)");
        line(text, "labels", row.labels().isEmpty() ? "none" : String.join(", ", row.labels()));
        if (!card.parameters().isEmpty()) {
            text.append("parameters:\n");
            card.parameters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> text.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        json(text, "metrics", card.metrics());
        json(text, "provenance", card.provenance());
        json(text, "validation", card.validation());
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append(": ").append(value == null ? "-" : value).append('\n');
    }

    private static void json(StringBuilder text, String key, com.fasterxml.jackson.databind.JsonNode node) {
        if (node != null && !node.isNull()) {
            text.append(key).append(":\n").append(node.toPrettyString()).append('\n');
        }
    }

    // Changes

    /** Points {@code label} ({@link Registry#PRODUCTION} or {@link Registry#STAGING}) at the selected version. */
    public void label(String label) {
        ModelRow model = selectedModel.get();
        VersionRow version = selectedVersion.get();
        if (model == null || version == null) {
            return;
        }
        change("Labelling " + model.name() + " version " + version.version() + " " + label, (progress, cancel) -> {
            LabelMoves.Moved moved = moves().move(model.name(), version.version(), label, RegistryAction.LABEL, null, progress,
                    cancel);
            return model.name() + " version " + version.version() + " is now " + label
                    + (moved.waited() ? " (moved once TF Serving could load it)." : ".");
        });
    }

    /** Moves production back to the version it pointed at before. */
    public void rollback() {
        ModelRow model = selectedModel.get();
        if (model == null || rollbackTarget.get() == null) {
            return;
        }
        change("Rolling back " + model.name(), (progress, cancel) -> {
            long now = moves().rollback(model.name(), progress, cancel).version();
            return model.name() + ": production is version " + now + " again.";
        });
    }

    /** Takes the selected version out of the served set (refused by the registry while it is labelled). */
    public void archive() {
        ModelRow model = selectedModel.get();
        VersionRow version = selectedVersion.get();
        if (model == null || version == null) {
            return;
        }
        change("Archiving " + model.name() + " version " + version.version(), (progress, cancel) -> {
            boolean changed = registry.archive(model.name(), version.version());
            return model.name() + " version " + version.version() + (changed ? " is archived: no longer served."
                    : " was not served; nothing changed.");
        });
    }

    /**
     * Label moves in TF Serving's two steps: the version is served first and the label moves once the registry's
     * recorded config poll interval has passed (the task shows the wait and can be cancelled; the move then stays
     * pending, as {@code registry show} tells).
     */
    private LabelMoves moves() throws java.io.IOException {
        return new LabelMoves(registry, new PollIntervalWait(RegistrySettings.read(registry.store(), registry.root())
                .configPoll(), java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
    }

    private void change(String title, Change work) {
        busy.set(true);
        tasks.submit(BackgroundTask.of(title, work::run)
                .onSuccess(done -> {
                    notifications.info(title.replaceFirst(" .*", "") + " done", done);
                    reload();
                })
                .onFailure(failure -> {
                    busy.set(false);
                    notifications.error(title + " failed", failure);
                    reload();
                }));
    }

    // Properties

    public ObservableList<ModelRow> models() {
        return models;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    /** The audit log of this home's registry changes, newest first. */
    public ObservableList<RegistryAuditEntry> audit() {
        return audit;
    }

    public ObjectProperty<ModelRow> selectedModelProperty() {
        return selectedModel;
    }

    public ObjectProperty<VersionRow> selectedVersionProperty() {
        return selectedVersion;
    }

    /** All the registry holds of the selected model, or null. */
    public ReadOnlyObjectProperty<RegistryModel> shownModelProperty() {
        return shownModel.getReadOnlyProperty();
    }

    /** The version a rollback would restore, or null when there is none. */
    public ReadOnlyObjectProperty<Long> rollbackTargetProperty() {
        return rollbackTarget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardTextProperty() {
        return cardText.getReadOnlyProperty();
    }

    /** Why the selected version cannot be archived; "" when it can. */
    public ReadOnlyStringProperty archiveBlockedProperty() {
        return archiveBlocked.getReadOnlyProperty();
    }

    /** Whether the registry was read at least once (so an empty list means an empty registry). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The production version of the selected model, if it has one. */
    public Optional<Long> production() {
        RegistryModel model = shownModel.get();
        return model == null ? Optional.empty() : Optional.ofNullable(model.labels().get(Registry.PRODUCTION));
    }
}
