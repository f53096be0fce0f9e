package me.adsby.workbench.app.publish;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.publish.EvaluationRowsUnavailableException;
import me.adsby.workbench.engine.publish.GateFailedException;
import me.adsby.workbench.engine.publish.PublishRequest;
import me.adsby.workbench.engine.publish.PublishResult;
import me.adsby.workbench.engine.publish.Publisher;
import me.adsby.workbench.engine.registry.ModelNames;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Publishing a run's model from the app: the model name, the label, the evaluation dataset; a check that
 * runs the validation gate and shows its report; then Publish, which needs a passed check, or a written
 * reason to override a failed one. Changing anything after a check asks for a new one. All work runs off the
 * FX thread; the publish itself judges the gate again, so the version written is the one the report was for.
 */
public final class PublishViewModel {

    /** Where the dialog is. */
    public enum State { EDITING, CHECKING, PASSED, FAILED, PUBLISHING, PUBLISHED }

    /** The label choices; {@link #NO_LABEL} adds the version unlabelled. */
    public static final String NO_LABEL = "no label";

    private final TaskExecutor tasks;
    private final Publisher publisher;
    private final Path registry;
    private final Notifications notifications;

    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper();
    private final StringProperty modelName = new SimpleStringProperty("ctr");
    private final ObjectProperty<String> label = new SimpleObjectProperty<>("staging");
    private final StringProperty evaluationData = new SimpleStringProperty("");
    private final StringProperty overrideReason = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.EDITING);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PublishViewModel(TaskExecutor tasks, Publisher publisher, Path registry, Notifications notifications) {
        this.tasks = tasks;
        this.publisher = publisher;
        this.registry = registry;
        this.notifications = notifications;
        modelName.addListener((property, old, now) -> edited());
        label.addListener((property, old, now) -> edited());
        evaluationData.addListener((property, old, now) -> edited());
    }

    /** Starts over for a run. */
    public void open(String run) {
        runId.set(run);
        overrideReason.set("");
        edited();
    }

    private void edited() {
        if (state.get() != State.CHECKING && state.get() != State.PUBLISHING) {
            state.set(State.EDITING);
            report.set("");
        }
        problem.set(ModelNames.isValid(modelName.get()) ? ""
                : "A model name is 1 to 64 letters, digits, - and _ (it becomes a folder of the registry).");
    }

    /** Scores candidate and production and shows the gate's report; writes nothing. */
    public void check() {
        PublishRequest request;
        try {
            request = request(null);
        } catch (IllegalArgumentException e) {
            report.set(e.getMessage());
            return;
        }
        state.set(State.CHECKING);
        report.set("Scoring the candidate and production on the same examples…");
        tasks.submit(BackgroundTask.of("Checking the validation gate", (progress, cancel) ->
                        publisher.check(request, progress, cancel))
                .onSuccess(result -> {
                    report.set(result.report().toText());
                    state.set(result.report().passed() ? State.PASSED : State.FAILED);
                })
                .onFailure(failure -> {
                    report.set("The check failed: " + failure.getMessage() + hint(failure));
                    state.set(State.EDITING);
                })
                .onCancelled(() -> state.set(State.EDITING)));
    }

    /** Publishes (after a passed check, or a failed one with a reason). */
    public void publish() {
        String reason = state.get() == State.FAILED ? overrideReason.get().strip() : null;
        PublishRequest request;
        try {
            request = request(reason);
        } catch (IllegalArgumentException e) {
            report.set(e.getMessage());
            return;
        }
        state.set(State.PUBLISHING);
        tasks.submit(BackgroundTask.of("Publishing " + request.modelName(), (progress, cancel) -> {
            try {
                return publisher.publish(request, progress, cancel);
            } catch (GateFailedException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).onSuccess(this::published).onFailure(failure -> {
            report.set("Nothing was published: " + failure.getMessage() + hint(failure));
            state.set(State.EDITING);
        }).onCancelled(() -> state.set(State.EDITING)));
    }

    /** Where to name another dataset when production's rows cannot be read: the dialog's field. */
    private static String hint(Throwable failure) {
        return failure instanceof EvaluationRowsUnavailableException ? ": enter it under Evaluation data and check again"
                : "";
    }

    private void published(PublishResult result) {
        state.set(State.PUBLISHED);
        String text = "Published " + result.model() + " version " + result.version()
                + (result.label() == null ? "" : ", labelled " + result.label())
                + (result.overridden() ? ", overriding the gate" : "") + ".";
        report.set(text + "\n\n" + result.report().toText());
        notifications.info("Model published", text);
    }

    private PublishRequest request(String reason) {
        String chosen = NO_LABEL.equals(label.get()) ? null : label.get();
        String data = evaluationData.get() == null ? "" : evaluationData.get().strip();
        PublishRequest request = PublishRequest.of(runId.get(), modelName.get().strip(), BlobUri.local(registry), chosen);
        if (!data.isEmpty()) {
            request = request.withEvaluationData(BlobUri.parse(data));
        }
        return reason == null ? request : request.withOverride(reason);
    }

    /** Check is possible with a valid name and nothing under way. */
    public BooleanBinding canCheck() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty() && runId.get() != null
                && state.get() != State.CHECKING && state.get() != State.PUBLISHING, problem, runId, state);
    }

    /** Publish is possible after a passed check, or a failed one with a reason written. */
    public BooleanBinding canPublish() {
        return Bindings.createBooleanBinding(() -> state.get() == State.PASSED
                || (state.get() == State.FAILED && !overrideReason.get().isBlank()), state, overrideReason);
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    public ObjectProperty<String> labelProperty() {
        return label;
    }

    public StringProperty evaluationDataProperty() {
        return evaluationData;
    }

    public StringProperty overrideReasonProperty() {
        return overrideReason;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
