package me.adsby.workbench.app.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.data.StoreFinder;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.run.GpuProbe;
import me.adsby.workbench.engine.run.RunGroup;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.RunRequest;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.settings.TrainingTarget;
import me.adsby.workbench.storage.work.Failures;

/**
 * The New Run form: the dataset and its inferred schema (label, features to include), the recipe with its
 * default hyperparameters, the validation fraction, experiment, name and target. It checks what was typed,
 * says what is wrong in words, builds the {@link RunRequest} and starts it in the background. Used on the FX
 * thread.
 */
public final class NewRunViewModel {

    private final TaskExecutor tasks;
    private final RunManager manager;
    private final StoreFinder stores;
    private final SchemaStore schemas;

    private final StringProperty dataset = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Schema> schema = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper schemaProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper schemaLoading = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final StringProperty label = new SimpleStringProperty();
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper imageAvailable = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Recipe> recipe = new SimpleObjectProperty<>(Recipe.TABULAR);
    private final StringProperty validationFraction = new SimpleStringProperty(
            Double.toString(RunRequest.DEFAULT_VALIDATION_FRACTION));
    private final ObservableList<String> experiments = FXCollections.observableArrayList(NewRun.DEFAULT_EXPERIMENT);
    private final StringProperty experiment = new SimpleStringProperty(NewRun.DEFAULT_EXPERIMENT);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TrainingTarget> target = new SimpleObjectProperty<>(TrainingTarget.LOCAL_CPU);
    private final SplitForm split = new SplitForm();
    private final HyperparameterForm hyperparameters = new HyperparameterForm();
    private final ReadOnlyObjectWrapper<GpuProbe.Availability> gpu = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private TaskHandle schemaReading;

    public NewRunViewModel(TaskExecutor tasks, RunManager manager, StoreFinder stores, SchemaStore schemas) {
        this.schemas = schemas;
        this.tasks = tasks;
        this.manager = manager;
        this.stores = stores;
        recipe.addListener((property, old, now) -> fillDefaults(now == null ? Recipe.TABULAR : now));
        label.addListener((property, old, now) -> fillFeatures());
        fillDefaults(Recipe.TABULAR);
    }

    /**
     * Gets the form ready for a new run: the default target, the history's experiments and whether a GPU run is
     * possible here (both read in the background), and the dataset's schema again when one is shown.
     */
    public void open(TrainingTarget defaultTarget) {
        problem.set("");
        refreshSchema();
        target.set(defaultTarget == null ? TrainingTarget.LOCAL_CPU : defaultTarget);
        tasks.submit(BackgroundTask.of("Reading experiments", (progress, cancel) -> manager.history().experiments())
                .quiet()
                .onSuccess(names -> {
                    List<String> all = new ArrayList<>(names);
                    if (!all.contains(NewRun.DEFAULT_EXPERIMENT)) {
                        all.add(0, NewRun.DEFAULT_EXPERIMENT);
                    }
                    experiments.setAll(all);
                })
                .onFailure(failure -> problem.set("Cannot read the experiments: " + Failures.describe(failure))));
        tasks.submit(BackgroundTask.of("Looking for a GPU", (progress, cancel) -> manager.gpuAvailability()).quiet()
                .onSuccess(availability -> {
                    gpu.set(availability);
                    if (!availability.available() && target.get() == TrainingTarget.LOCAL_GPU) {
                        target.set(TrainingTarget.LOCAL_CPU);
                    }
                })
                .onFailure(failure -> gpu.set(new GpuProbe.Availability(java.util.Optional.empty(),
                        "the GPU cannot be probed: " + Failures.describe(failure)))));
    }

    /** Reads the dataset's schema in the background: the label choices, the features, whether it has images. */
    public void loadSchema() {
        String typed = dataset.get() == null ? "" : dataset.get().strip();
        if (schemaReading != null) {
            schemaReading.cancel();
        }
        schema.set(null);
        labels.clear();
        features.clear();
        imageAvailable.set(false);
        if (typed.isEmpty()) {
            schemaProblem.set("");
            return;
        }
        BlobUri uri;
        try {
            uri = BlobUri.parse(typed);
        } catch (IllegalArgumentException e) {
            schemaProblem.set(e.getMessage());
            return;
        }
        schemaProblem.set("");
        schemaLoading.set(true);
        schemaReading = tasks.submit(BackgroundTask.of("Reading the schema of " + uri,
                        (progress, cancel) -> schemas.effective(stores.forUri(uri), uri, progress, cancel).schema()).quiet()
                .onSuccess(read -> {
                    schemaLoading.set(false);
                    if (typed.equals(dataset.get() == null ? "" : dataset.get().strip())) {
                        schemaRead(read);
                    }
                })
                .onFailure(failure -> {
                    schemaLoading.set(false);
                    schemaProblem.set(Failures.describe(failure));
                })
                .onCancelled(() -> schemaLoading.set(false)));
    }

    /**
     * A schema saved for the dataset since the form read it (on the Data screen, say) replaces the shown one, and
     * the features follow it; while there is none, the label and the features keep what the person chose. Only
     * the saved schema's file is read unless it differs.
     */
    private void refreshSchema() {
        Schema shown = schema.get();
        String typed = dataset.get() == null ? "" : dataset.get().strip();
        if (shown == null || schemaLoading.get()) {
            return;
        }
        schemaReading = tasks.submit(BackgroundTask.of("Reading the schema of " + typed, (progress, cancel) -> {
            BlobUri uri = BlobUri.parse(typed);
            boolean changed = schemas.load(uri).map(saved -> !saved.schema().equals(shown)).orElse(false);
            return changed ? schemas.effective(stores.forUri(uri), uri, progress, cancel).schema() : shown;
        }).quiet().onSuccess(read -> {
            if (shown == schema.get() && !read.equals(shown)) {
                features.clear();
                schemaRead(read);
            }
        }).onFailure(failure -> loadSchema()));
    }

    private void schemaRead(Schema read) {
        schema.set(read);
        imageAvailable.set(read.image().isPresent());
        if (!imageAvailable.get() && recipe.get() != null && recipe.get().usesImage()) {
            recipe.set(Recipe.TABULAR);
        }
        List<String> candidates = read.columns().stream()
                .filter(c -> c.role() == ColumnRole.LABEL || c.role() == ColumnRole.FEATURE)
                .map(ColumnSchema::name).toList();
        labels.setAll(candidates);
        String chosen = read.label().map(ColumnSchema::name).orElse(null);
        if (chosen != null && chosen.equals(label.get())) {
            fillFeatures();
        } else {
            label.set(chosen);
        }
    }

    /** The features: every label-or-feature column but the label, keeping what was unchecked. */
    private void fillFeatures() {
        Schema read = schema.get();
        if (read == null) {
            features.clear();
            return;
        }
        Map<String, Boolean> before = new HashMap<>();
        features.forEach(choice -> before.put(choice.name(), choice.included()));
        features.setAll(FeatureChoices.of(read, label.get(), before));
    }

    /** Puts the recipe's default hyperparameters in the fields. */
    public void fillDefaults(Recipe chosen) {
        hyperparameters.fillDefaults(chosen);
    }

    /**
     * The request the form describes; on a mistake, null, with what is wrong in {@link #problemProperty()}.
     */
    public RunRequest request() {
        try {
            RunRequest built = build();
            problem.set("");
            return built;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return null;
        }
    }

    private RunRequest build() {
        String data = dataset.get() == null ? "" : dataset.get().strip();
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Choose the dataset: a CSV file, local or gs://");
        }
        BlobUri uri = BlobUri.parse(data);
        if (label.get() == null || label.get().isBlank()) {
            throw new IllegalArgumentException(schema.get() == null
                    ? "Choose the label; the dataset's columns are read once its CSV is chosen"
                    : "Choose the label column");
        }
        Recipe chosen = recipe.get();
        if (chosen.usesImage() && schema.get() != null && schema.get().image().isEmpty()) {
            throw new IllegalArgumentException("The " + chosen.name().toLowerCase(Locale.ROOT)
                    + " recipe needs an image column, and this dataset has none");
        }
        List<String> exclude = features.stream().filter(f -> !f.included()).map(FeatureChoice::name).toList();
        if (chosen.usesTabular() && !chosen.usesImage() && !features.isEmpty() && exclude.size() == features.size()) {
            throw new IllegalArgumentException("The tabular recipe needs at least one feature; check one");
        }
        Hyperparameters typed = hyperparameters.build();
        double fraction = FormNumbers.fraction("Validation fraction", validationFraction);
        TrainingTarget where = target.get() == null ? TrainingTarget.LOCAL_CPU : target.get();
        if (where == TrainingTarget.LOCAL_GPU && gpu.get() != null && !gpu.get().available()) {
            throw new IllegalArgumentException("The local GPU cannot be used: " + gpu.get().reason());
        }
        String runName = name.get() == null || name.get().isBlank() ? null : name.get().strip();
        String experimentName = experiment.get() == null || experiment.get().isBlank() ? NewRun.DEFAULT_EXPERIMENT
                : experiment.get().strip();
        Schema requested = schema.get() == null ? null : FeatureChoices.requested(schema.get(), features);
        return new RunRequest(runName, experimentName, uri.toString(), label.get(), null, exclude, chosen,
                typed, split.plan(fraction), 0, where, split.selection(), requested, split.calibrateProperty().get());
    }

    /**
     * Starts the run the form describes (or its group of repeats or folds), in the background; {@code started}
     * gets the (first) run. False when the form has a mistake.
     */
    public boolean start(Consumer<Run> started) {
        RunRequest request = request();
        if (request == null) {
            return false;
        }
        RunGroup group;
        try {
            group = split.group(request);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
        starting.set(true);
        String what = group == null ? request.displayName() : group.members().size() + " runs of " + request.displayName();
        tasks.submit(BackgroundTask.of("Starting " + what, (progress, cancel) -> group == null ? manager.start(request)
                        : group.start(manager).get(0))
                .onSuccess(run -> {
                    starting.set(false);
                    started.accept(run);
                })
                .onFailure(failure -> {
                    starting.set(false);
                    problem.set("The run did not start: " + Failures.describe(failure));
                }));
        return true;
    }

    /** The hyperparameter fields. */
    public HyperparameterForm hyperparameters() {
        return hyperparameters;
    }

    /** The split and model-selection fields. */
    public SplitForm split() {
        return split;
    }

    public StringProperty datasetProperty() {
        return dataset;
    }

    public ReadOnlyObjectProperty<Schema> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    /** Why the dataset's schema cannot be read; empty when it can. */
    public ReadOnlyStringProperty schemaProblemProperty() {
        return schemaProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty schemaLoadingProperty() {
        return schemaLoading.getReadOnlyProperty();
    }

    /** The columns that can be the label. */
    public ObservableList<String> labels() {
        return labels;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ObservableList<FeatureChoice> features() {
        return features;
    }

    /** Whether the dataset has an image column, so that the image and multimodal recipes can train on it. */
    public ReadOnlyBooleanProperty imageAvailableProperty() {
        return imageAvailable.getReadOnlyProperty();
    }

    public ObjectProperty<Recipe> recipeProperty() {
        return recipe;
    }

    public StringProperty validationFractionProperty() {
        return validationFraction;
    }

    public ObservableList<String> experiments() {
        return experiments;
    }

    public StringProperty experimentProperty() {
        return experiment;
    }

    /** A name for people; empty for one made of the recipe and dataset. */
    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TrainingTarget> targetProperty() {
        return target;
    }

    /** Whether the local GPU can train here, and why not; null until probed. */
    public ReadOnlyObjectProperty<GpuProbe.Availability> gpuProperty() {
        return gpu.getReadOnlyProperty();
    }

    /** What is wrong with the form, or why the run did not start; empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while a start is under way. */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }
}
