package me.adsby.workbench.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.ModelExporter;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.publish.Publisher;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Publish dialog's model with a real publisher and registry, on runs as a worker leaves them: an exported
 * (untrained, tiny) SavedModel and validation predictions written by hand, so the gate's AUC is known.
 */
class PublishViewModelTest {

    @TempDir
    Path temp;

    private RunHistory history;
    private BlobStores stores;
    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private Notifications notifications;
    private PublishViewModel model;

    @BeforeEach
    void open() {
        history = RunHistory.open(temp.resolve("history"));
        stores = new BlobStores(new GcsOptions(null, null));
        notifications = new Notifications(temp.resolve("log"));
        me.adsby.workbench.app.models.RegistryFixture.noPollWait(temp.resolve("registry"));
        model = new PublishViewModel(tasks, new Publisher(history, stores, temp.resolve("cache"), Clock.systemUTC()),
                temp.resolve("registry"), notifications);
    }

    @AfterEach
    void close() throws Exception {
        stores.close();
        history.close();
    }

    @Test
    void aPassingCheckLetsThePublishGoThroughAndSaysWhichVersion() throws Exception {
        // Positives score 0.9, negatives 0.1: AUC 1, above the default bound 0.6.
        String run = finishedRun(new double[] {0.1, 0.1, 0.9, 0.9});
        model.open(run);
        model.modelNameProperty().set("ctr");
        model.labelProperty().set("production");
        assertThat(model.canPublish().get()).isFalse();

        model.check();
        assertThat(model.stateProperty().get()).isEqualTo(PublishViewModel.State.PASSED);
        assertThat(model.reportProperty().get()).contains("Validation gate: PASSED", "pass  auc >= 0.6000");
        assertThat(model.canPublish().get()).isTrue();

        model.publish();
        assertThat(model.stateProperty().get()).isEqualTo(PublishViewModel.State.PUBLISHED);
        assertThat(model.reportProperty().get()).startsWith("Published ctr version 1, labelled production.");
        assertThat(temp.resolve("registry/ctr/1/saved_model.pb")).isRegularFile();
        assertThat(notifications.shown()).anySatisfy(n -> assertThat(n.title()).isEqualTo("Model published"));
    }

    @Test
    void aFailedCheckNeedsAWrittenReasonAndAnyEditAsksForANewCheck() throws Exception {
        // Every score 0.5: every pair is a tie, AUC 1/2, below 0.6.
        String run = finishedRun(new double[] {0.5, 0.5, 0.5, 0.5});
        model.open(run);
        model.check();
        assertThat(model.stateProperty().get()).isEqualTo(PublishViewModel.State.FAILED);
        assertThat(model.reportProperty().get()).contains("FAIL  auc >= 0.6000", "0.5000 is below the bound 0.6000");
        assertThat(model.canPublish().get()).isFalse();

        model.overrideReasonProperty().set("the floor for the next comparison");
        assertThat(model.canPublish().get()).isTrue();
        model.modelNameProperty().set("ctr-2");
        assertThat(model.stateProperty().get()).isEqualTo(PublishViewModel.State.EDITING);
        assertThat(model.canPublish().get()).isFalse();

        model.modelNameProperty().set("../escape");
        assertThat(model.problemProperty().get()).contains("letters, digits, - and _");
        assertThat(model.canCheck().get()).isFalse();
    }

    private String finishedRun(double[] scores) throws Exception {
        Run run = history.createRun(new NewRun("tiny", "ctr", TrainingTarget.LOCAL_CPU,
                temp.resolve("runs").resolve(NewRun.RUN_ID).toString(), "tabular", Map.of()));
        Path directory = Path.of(run.runDirectory());
        FeatureSpec features = new FeatureSpec(List.of("bid"), List.of(), null, "clicked", 0);
        ModelDefinition definition = new ModelDefinition(Recipe.TABULAR, features, Hyperparameters.defaults(Recipe.TABULAR),
                NumericStats.identity(1), new LabelPrior(0.5));
        try (CtrTrainer trainer = CtrTrainer.create(definition, 1)) {
            trainer.save(temp.resolve("checkpoint/model"));
        }
        ModelExporter.export(definition, temp.resolve("checkpoint/model"), directory.resolve("model"));
        Files.writeString(directory.resolve("features.json"), "{\"numeric\":[\"bid\"],\"categorical\":[],"
                + "\"image\":null,\"label\":\"clicked\",\"imageSize\":0}", StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("key,label,score\n");
        for (int i = 0; i < scores.length; i++) {
            csv.append(i + 1).append(',').append(i < scores.length / 2 ? 0 : 1).append(',').append(scores[i]).append('\n');
        }
        Files.createDirectories(directory.resolve("eval"));
        Files.writeString(directory.resolve("eval/predictions.csv"), csv, StandardCharsets.UTF_8);
        // The dataset the run trained on and its spec, as a worker leaves them: the publish records which of the
        // dataset's rows the first version was judged on.
        Path dataset = Files.writeString(temp.resolve("ads-" + run.id() + ".csv"), "bid,clicked\n1,0\n2,0\n3,1\n4,1\n",
                StandardCharsets.UTF_8);
        new me.adsby.workbench.engine.run.RunSpec(run.id(), "tiny", "ctr", dataset.toString(), "clicked", null, List.of(),
                Recipe.TABULAR, Hyperparameters.defaults(Recipe.TABULAR), 0.5, 0, "local-cpu", "test",
                me.adsby.workbench.engine.run.SplitPlan.defaults(), "log_loss", null)
                .write(new me.adsby.workbench.storage.blob.LocalBlobStore(),
                        new me.adsby.workbench.engine.run.RunDirectory(me.adsby.workbench.storage.blob.BlobUri.local(directory)));
        history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
        history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
        history.transition(run.id(), RunStatus.RUNNING, RunStatus.SUCCEEDED);
        return run.id();
    }
}
