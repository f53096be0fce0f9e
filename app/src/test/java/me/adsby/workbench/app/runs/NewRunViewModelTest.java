package me.adsby.workbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.engine.run.SplitPlan;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.run.RunRequest;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewRunViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private RunsFixture runs;
    private NewRunViewModel model;
    private Path csv;

    @BeforeEach
    void setUp() throws Exception {
        runs = new RunsFixture(temp);
        model = new NewRunViewModel(tasks, runs.manager, uri -> new LocalBlobStore(), new SchemaStore(temp.resolve("schemas")));
        StringBuilder rows = new StringBuilder("ad_id,device,bid,hour,clicked\n");
        for (int i = 0; i < 40; i++) {
            rows.append("a").append(i).append(',').append(i % 2 == 0 ? "mobile" : "desktop").append(',')
                    .append(0.1 * i).append(',').append(i % 24).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        csv = Files.writeString(temp.resolve("ads.csv"), rows);
    }

    @AfterEach
    void tearDown() throws Exception {
        runs.close();
        assertThat(tasks.unhandled()).isEmpty();
    }

    @Test
    void theSchemaFillsTheLabelAndFeaturesAndUncheckedFeaturesAreExcluded() {
        model.open(TrainingTarget.LOCAL_CPU);
        model.datasetProperty().set(csv.toString());
        model.loadSchema();

        assertThat(model.labelProperty().get()).isEqualTo("clicked");
        // ad_id is named like an id and never repeats: a key, listed unchecked with the schema's reason.
        assertThat(model.features()).extracting(FeatureChoice::name).containsExactly("ad_id", "device", "bid", "hour");
        assertThat(model.features().get(0).included()).isFalse();
        assertThat(model.features().get(0).type()).contains("key").contains("40 distinct values over 40 rows");
        assertThat(model.imageAvailableProperty().get()).isFalse();
        model.features().get(3).includedProperty().set(false);
        model.hyperparameters().epochsProperty().set("2");
        model.nameProperty().set("  first try ");
        model.experimentProperty().set("ctr-2026");

        RunRequest request = model.request();

        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(request.dataset()).isEqualTo(csv.toString());
        assertThat(request.label()).isEqualTo("clicked");
        assertThat(request.exclude()).containsExactly("ad_id", "hour");
        assertThat(request.schema().column("ad_id").role()).isEqualTo(ColumnRole.KEY);
        assertThat(request.recipe()).isEqualTo(Recipe.TABULAR);
        assertThat(request.hyperparameters()).isEqualTo(Hyperparameters.defaults(Recipe.TABULAR).withEpochs(2));
        assertThat(request.validationFraction()).isEqualTo(0.2);
        assertThat(request.name()).isEqualTo("first try");
        assertThat(request.experiment()).isEqualTo("ctr-2026");
        assertThat(request.target()).isEqualTo(TrainingTarget.LOCAL_CPU);

        // Another label: the former label becomes a feature, and what was unchecked stays unchecked.
        model.labelProperty().set("device");
        assertThat(model.features()).extracting(FeatureChoice::name).containsExactly("ad_id", "bid", "hour", "clicked");
        assertThat(model.request().exclude()).containsExactly("ad_id", "hour");

        // Checking the key makes it a feature of the run's schema.
        model.features().get(0).includedProperty().set(true);
        assertThat(model.request().schema().column("ad_id").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(model.request().exclude()).containsExactly("hour");
    }

    @Test
    void aSchemaSavedWhileTheFormWasClosedIsTheOneItShowsWhenItOpensAgain() throws Exception {
        model.open(TrainingTarget.LOCAL_CPU);
        model.datasetProperty().set(csv.toString());
        model.loadSchema();
        model.features().get(3).includedProperty().set(false);
        assertThat(model.features()).extracting(FeatureChoice::toString)
                .containsExactly(model.features().get(0).toString(), "device (categorical)", "bid (float)", "hour (integer)");

        // Opened again with nothing changed: what was unchecked stays unchecked.
        model.open(TrainingTarget.LOCAL_CPU);
        assertThat(model.request().exclude()).containsExactly("ad_id", "hour");

        // The Data screen saves another schema (hour is a code, device is left out) while the form is closed.
        Schema edited = model.schemaProperty().get().withType("hour", ColumnType.CATEGORICAL)
                .withRole("device", ColumnRole.IGNORED);
        new SchemaStore(temp.resolve("schemas")).save(new LocalBlobStore(), BlobUri.local(csv), edited);
        model.open(TrainingTarget.LOCAL_CPU);

        assertThat(model.schemaProperty().get()).isEqualTo(edited);
        assertThat(model.features()).extracting(FeatureChoice::toString)
                .containsExactly(model.features().get(0).toString(), "device (categorical, ignored)", "bid (float)",
                        "hour (categorical)");
        RunRequest request = model.request();
        assertThat(request.exclude()).containsExactly("ad_id", "device");
        assertThat(request.schema().column("hour").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(request.schema().column("device").role()).isEqualTo(ColumnRole.IGNORED);

        // Opened again with that schema still saved: the person's choices stay.
        model.features().get(2).includedProperty().set(false);
        model.open(TrainingTarget.LOCAL_CPU);
        assertThat(model.request().exclude()).containsExactly("ad_id", "device", "bid");
    }

    @Test
    void theSplitFieldsMakeTheRequestsSplit() throws Exception {
        model.open(TrainingTarget.LOCAL_CPU);
        model.datasetProperty().set(csv.toString());
        model.loadSchema();
        assertThat(model.request().split()).isEqualTo(new SplitPlan("auto", null, 0.2, 42L, null, null));
        assertThat(model.request().selectBy()).isEqualTo(SelectionMetric.LOG_LOSS);

        model.split().kindProperty().set(SplitForm.Kind.GROUP);
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).contains("Choose the column to split by");
        model.split().columnProperty().set("device");
        model.split().seedProperty().set("7");
        model.split().selectByProperty().set(SelectionMetric.AUC);
        assertThat(model.request().split()).isEqualTo(new SplitPlan("group", "device", 0.2, 7L, null, null));
        assertThat(model.request().selectBy()).isEqualTo(SelectionMetric.AUC);

        // A validation file: the whole dataset trains (fraction 0); a test file is scored once at the end.
        Path validation = Files.writeString(temp.resolve("validation.csv"), Files.readString(csv));
        Path test = Files.writeString(temp.resolve("test.csv"), Files.readString(csv));
        model.split().validationDataProperty().set(validation.toString());
        model.split().testDataProperty().set(test.toString());
        SplitPlan plan = model.request().split();
        assertThat(plan.validationFraction()).isZero();
        assertThat(plan.validationData()).isEqualTo(validation.toString());
        assertThat(plan.testData()).isEqualTo(test.toString());
    }

    @Test
    void theTestShareCalibrationAndRegularisationReachTheRequest() {
        model.datasetProperty().set(csv.toString());
        model.loadSchema();
        model.split().testFractionProperty().set("0.15");
        model.split().calibrateProperty().set(true);
        model.hyperparameters().l2Property().set("0.01");
        model.hyperparameters().dropoutProperty().set("0.5");
        model.hyperparameters().minCountProperty().set("4");

        RunRequest request = model.request();

        assertThat(request).as(model.problemProperty().get()).isNotNull();
        assertThat(request.split().testFraction()).isEqualTo(0.15);
        assertThat(request.calibrate()).isTrue();
        assertThat(request.hyperparameters().l2()).isEqualTo(0.01f);
        assertThat(request.hyperparameters().dropout()).isEqualTo(0.5f);
        assertThat(request.hyperparameters().minCount()).isEqualTo(4);

        model.split().testDataProperty().set(csv.toString());
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo("Give a test file or a test share of the rows, not both");
    }

    @Test
    void repeatsStartAGroupOfRunsWithConsecutiveSeedsAndFoldsRefuseAValidationFile() {
        model.datasetProperty().set(csv.toString());
        model.loadSchema();
        model.hyperparameters().seedProperty().set("5");
        model.split().repeatsProperty().set("3");
        java.util.List<me.adsby.workbench.storage.history.Run> started = new java.util.ArrayList<>();

        assertThat(model.start(started::add)).as(model.problemProperty().get()).isTrue();

        // The manager's queue is not running here: the three runs wait, queued, each with its group params.
        // Runs created within one millisecond share a creation time, so the members are read in member order.
        java.util.List<me.adsby.workbench.storage.history.RunRecord> group = new java.util.ArrayList<>();
        for (String id : runs.manager.history().runsWithParam("group", "g-" + started.get(0).id().substring(2))) {
            group.add(runs.manager.history().record(id));
        }
        group = me.adsby.workbench.engine.compare.GroupSpread.inMemberOrder(group);
        assertThat(group).hasSize(3);
        assertThat(group.get(0).run().id()).isEqualTo(started.get(0).id());
        for (int i = 0; i < 3; i++) {
            java.util.Map<String, String> params = group.get(i).params();
            assertThat(params).containsEntry("seed", Integer.toString(5 + i))
                    .containsEntry("group_member", "repeat " + (i + 1) + " of 3");
        }

        model.split().repeatsProperty().set("1");
        model.split().foldsProperty().set("3");
        model.split().validationDataProperty().set(csv.toString());
        assertThat(model.start(started::add)).isFalse();
        assertThat(model.problemProperty().get()).startsWith("Folds choose the validation rows themselves");
    }

    @Test
    void eachRecipeComesWithItsDefaults() {
        model.hyperparameters().epochsProperty().set("7");
        model.recipeProperty().set(Recipe.IMAGE);
        Hyperparameters image = Hyperparameters.defaults(Recipe.IMAGE);
        assertThat(model.hyperparameters().epochsProperty().get()).isEqualTo(Integer.toString(image.epochs()));
        assertThat(model.hyperparameters().learningRateProperty().get()).isEqualTo(Float.toString(image.learningRate()));
        assertThat(model.hyperparameters().patienceProperty().get()).isEqualTo(Integer.toString(image.patience()));
        assertThat(model.hyperparameters().hiddenUnitsProperty().get()).isEqualTo("64,32");
    }

    @Test
    void mistakesAreSaidInWords() {
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).startsWith("Choose the dataset");

        model.datasetProperty().set(csv.toString());
        model.loadSchema();

        model.hyperparameters().epochsProperty().set("two");
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo("Epochs must be a whole number, was 'two'");

        model.hyperparameters().epochsProperty().set("0");
        assertThat(model.request()).isNull();
        // The Hyperparameters constructor's own message.
        assertThat(model.problemProperty().get()).isEqualTo("epochs must be between 1 and 10000, was 0");

        model.hyperparameters().epochsProperty().set("2");
        model.hyperparameters().learningRateProperty().set("2");
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).isEqualTo("learningRate must be in (0, 1], was 2.0");

        model.hyperparameters().learningRateProperty().set("0.01");
        model.hyperparameters().hiddenUnitsProperty().set("64;32");
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).startsWith("Hidden units must be layer widths separated by commas");

        model.hyperparameters().hiddenUnitsProperty().set("128, 64 ,32");
        model.validationFractionProperty().set("1.5");
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).startsWith("Validation fraction must be between 0 and 1");

        model.validationFractionProperty().set("0.25");
        model.recipeProperty().set(Recipe.MULTIMODAL);
        assertThat(model.request()).isNull();
        assertThat(model.problemProperty().get()).contains("needs an image column");

        model.recipeProperty().set(Recipe.TABULAR);
        model.hyperparameters().hiddenUnitsProperty().set("128,64,32");
        RunRequest request = model.request();
        assertThat(request).isNotNull();
        assertThat(request.hyperparameters().hiddenUnits()).isEqualTo(List.of(128, 64, 32));
        assertThat(request.validationFraction()).isEqualTo(0.25);
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void theGpuIsOfferedOnlyWhereItCanTrain() {
        model.open(TrainingTarget.LOCAL_GPU);
        var gpu = model.gpuProperty().get();
        assertThat(gpu).isNotNull();
        if (!gpu.available()) {
            assertThat(gpu.reason()).isNotBlank();
            // The settings' default GPU falls back to the CPU where there is none.
            assertThat(model.targetProperty().get()).isEqualTo(TrainingTarget.LOCAL_CPU);
            model.datasetProperty().set(csv.toString());
            model.loadSchema();
            model.targetProperty().set(TrainingTarget.LOCAL_GPU);
            assertThat(model.request()).isNull();
            assertThat(model.problemProperty().get()).startsWith("The local GPU cannot be used: ");
        } else {
            assertThat(model.targetProperty().get()).isEqualTo(TrainingTarget.LOCAL_GPU);
        }
    }

    @Test
    void anUnreadableDatasetSaysWhy() {
        model.datasetProperty().set(temp.resolve("missing.csv").toString());
        model.loadSchema();
        assertThat(model.schemaProblemProperty().get()).isNotEmpty();
        assertThat(model.labels()).isEmpty();
        model.datasetProperty().set("relative/ads.csv");
        model.loadSchema();
        assertThat(model.schemaProblemProperty().get()).contains("relative");
    }
}
