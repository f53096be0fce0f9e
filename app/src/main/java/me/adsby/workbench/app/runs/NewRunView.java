package me.adsby.workbench.app.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.settings.TrainingTarget;

/** The New Run dialog: what to train on, how, and where; Start checks the form and starts the run. */
public final class NewRunView {

    private static final javafx.util.Duration SCHEMA_DELAY = javafx.util.Duration.millis(400);
    private static final String NO_IMAGES = "Image and multimodal recipes need an image column; this dataset has none.";

    private final NewRunViewModel model;
    private final DialogService dialogs;
    private final UserSettings settings;
    private final Parent root;
    private final ToggleGroup recipes = new ToggleGroup();
    private final ToggleGroup targets = new ToggleGroup();

    @FXML private TextField datasetField;
    @FXML private Button browseButton;
    @FXML private Label schemaLabel;
    @FXML private ComboBox<String> labelBox;
    @FXML private ListView<FeatureChoice> featuresList;
    @FXML private RadioButton logisticRadio;
    @FXML private RadioButton tabularRadio;
    @FXML private HBox imageHolder;
    @FXML private RadioButton imageRadio;
    @FXML private HBox multimodalHolder;
    @FXML private RadioButton multimodalRadio;
    @FXML private Label imageHint;
    @FXML private TextField epochsField;
    @FXML private TextField batchSizeField;
    @FXML private TextField learningRateField;
    @FXML private TextField embeddingSizeField;
    @FXML private TextField hashBucketsField;
    @FXML private TextField hiddenUnitsField;
    @FXML private TextField convFiltersField;
    @FXML private TextField imageSizeField;
    @FXML private TextField seedField;
    @FXML private TextField patienceField;
    @FXML private TextField validationField;
    @FXML private ComboBox<SplitForm.Kind> splitKindBox;
    @FXML private ComboBox<String> splitColumnBox;
    @FXML private TextField splitSeedField;
    @FXML private ComboBox<SelectionMetric> selectByBox;
    @FXML private TextField validationDataField;
    @FXML private TextField testDataField;
    @FXML private TextField testFractionField;
    @FXML private CheckBox calibrateBox;
    @FXML private TextField repeatsField;
    @FXML private TextField foldsField;
    @FXML private TextField l2Field;
    @FXML private TextField dropoutField;
    @FXML private TextField minCountField;
    @FXML private TextField crossesField;
    @FXML private ComboBox<String> experimentBox;
    @FXML private TextField nameField;
    @FXML private RadioButton cpuRadio;
    @FXML private HBox gpuHolder;
    @FXML private RadioButton gpuRadio;
    @FXML private Label gpuLabel;
    @FXML private Label problemLabel;

    public NewRunView(NewRunViewModel model, DialogService dialogs, UserSettings settings) {
        this.model = model;
        this.dialogs = dialogs;
        this.settings = settings;
        this.root = Fxml.load(this);
    }

    private void bindSplit(SplitForm split) {
        splitKindBox.setId("splitKindBox");
        splitColumnBox.setId("splitColumnBox");
        splitKindBox.getItems().setAll(SplitForm.Kind.values());
        splitKindBox.valueProperty().bindBidirectional(split.kindProperty());
        splitColumnBox.valueProperty().bindBidirectional(split.columnProperty());
        splitColumnBox.disableProperty().bind(Bindings.createBooleanBinding(
                () -> split.kindProperty().get() == null || !split.kindProperty().get().needsColumn(), split.kindProperty()));
        Runnable columns = () -> splitColumnBox.getItems().setAll(model.schemaProperty().get() == null ? List.of()
                : model.schemaProperty().get().names());
        model.schemaProperty().addListener((property, old, now) -> columns.run());
        columns.run();
        splitSeedField.textProperty().bindBidirectional(split.seedProperty());
        selectByBox.getItems().setAll(SplitForm.selectionMetrics());
        selectByBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(SelectionMetric metric) {
                return metric == null ? "" : SplitForm.describe(metric);
            }

            @Override
            public SelectionMetric fromString(String text) {
                return SplitForm.selectionMetrics().stream().filter(m -> SplitForm.describe(m).equals(text)).findFirst()
                        .orElse(SelectionMetric.LOG_LOSS);
            }
        });
        selectByBox.valueProperty().bindBidirectional(split.selectByProperty());
        validationDataField.textProperty().bindBidirectional(split.validationDataProperty());
        testDataField.textProperty().bindBidirectional(split.testDataProperty());
        testFractionField.setId("newRunTestFraction");
        testFractionField.textProperty().bindBidirectional(split.testFractionProperty());
        calibrateBox.setId("newRunCalibrate");
        calibrateBox.selectedProperty().bindBidirectional(split.calibrateProperty());
        repeatsField.setId("newRunRepeats");
        repeatsField.textProperty().bindBidirectional(split.repeatsProperty());
        foldsField.setId("newRunFolds");
        foldsField.textProperty().bindBidirectional(split.foldsProperty());
        validationField.disableProperty().bind(split.validationDataProperty().isNotEmpty());
    }

    @FXML
    private void initialize() {
        datasetField.setId("newRunDataset");
        labelBox.setId("newRunLabel");
        featuresList.setId("newRunFeatures");
        logisticRadio.setId("newRunLogistic");
        tabularRadio.setId("newRunTabular");
        imageRadio.setId("newRunImage");
        multimodalRadio.setId("newRunMultimodal");
        epochsField.setId("newRunEpochs");
        imageSizeField.setId("newRunImageSize");
        experimentBox.setId("newRunExperiment");
        nameField.setId("newRunName");
        cpuRadio.setId("newRunCpu");
        gpuRadio.setId("newRunGpu");
        problemLabel.setId("newRunProblem");

        datasetField.textProperty().bindBidirectional(model.datasetProperty());
        PauseTransition schemaWait = new PauseTransition(SCHEMA_DELAY);
        schemaWait.setOnFinished(event -> model.loadSchema());
        datasetField.textProperty().addListener((property, old, now) -> schemaWait.playFromStart());
        datasetField.setOnAction(event -> {
            schemaWait.stop();
            model.loadSchema();
        });
        schemaLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.schemaLoadingProperty().get()) {
                return "Reading the dataset's columns…";
            }
            if (!model.schemaProblemProperty().get().isEmpty()) {
                return "Cannot read the dataset: " + model.schemaProblemProperty().get();
            }
            return model.schemaProperty().get() == null ? "Choose a CSV to read its columns."
                    : model.schemaProperty().get().size() + " columns";
        }, model.schemaLoadingProperty(), model.schemaProblemProperty(), model.schemaProperty()));

        labelBox.setItems(model.labels());
        labelBox.valueProperty().bindBidirectional(model.labelProperty());
        featuresList.setItems(model.features());
        featuresList.setCellFactory(CheckBoxListCell.forListView(FeatureChoice::includedProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(FeatureChoice choice) {
                        return choice == null ? "" : choice.toString();
                    }

                    @Override
                    public FeatureChoice fromString(String text) {
                        return null;
                    }
                }));
        featuresList.setPlaceholder(new Label("The dataset's feature columns appear here."));

        tabularRadio.setUserData(Recipe.TABULAR);
        imageRadio.setUserData(Recipe.IMAGE);
        multimodalRadio.setUserData(Recipe.MULTIMODAL);
        logisticRadio.setUserData(Recipe.LOGISTIC);
        bindToggles(recipes, model.recipeProperty(), logisticRadio, tabularRadio, imageRadio, multimodalRadio);
        imageRadio.disableProperty().bind(model.imageAvailableProperty().not());
        multimodalRadio.disableProperty().bind(model.imageAvailableProperty().not());
        Tooltip noImages = new Tooltip(NO_IMAGES);
        model.imageAvailableProperty().addListener((property, old, now) -> installTooltip(now, noImages,
                imageHolder, multimodalHolder));
        installTooltip(false, noImages, imageHolder, multimodalHolder);
        imageHint.textProperty().bind(Bindings.when(model.imageAvailableProperty().or(model.schemaProperty().isNull()))
                .then("").otherwise("(no image column)"));

        epochsField.textProperty().bindBidirectional(model.hyperparameters().epochsProperty());
        batchSizeField.textProperty().bindBidirectional(model.hyperparameters().batchSizeProperty());
        learningRateField.textProperty().bindBidirectional(model.hyperparameters().learningRateProperty());
        embeddingSizeField.textProperty().bindBidirectional(model.hyperparameters().embeddingSizeProperty());
        hashBucketsField.textProperty().bindBidirectional(model.hyperparameters().hashBucketsProperty());
        hiddenUnitsField.textProperty().bindBidirectional(model.hyperparameters().hiddenUnitsProperty());
        convFiltersField.textProperty().bindBidirectional(model.hyperparameters().convFiltersProperty());
        imageSizeField.textProperty().bindBidirectional(model.hyperparameters().imageSizeProperty());
        seedField.textProperty().bindBidirectional(model.hyperparameters().seedProperty());
        patienceField.textProperty().bindBidirectional(model.hyperparameters().patienceProperty());
        l2Field.textProperty().bindBidirectional(model.hyperparameters().l2Property());
        dropoutField.textProperty().bindBidirectional(model.hyperparameters().dropoutProperty());
        minCountField.textProperty().bindBidirectional(model.hyperparameters().minCountProperty());
        crossesField.textProperty().bindBidirectional(model.hyperparameters().crossesProperty());
        validationField.textProperty().bindBidirectional(model.validationFractionProperty());
        bindSplit(model.split());

        experimentBox.setItems(model.experiments());
        experimentBox.valueProperty().bindBidirectional(model.experimentProperty());
        nameField.textProperty().bindBidirectional(model.nameProperty());

        cpuRadio.setUserData(TrainingTarget.LOCAL_CPU);
        gpuRadio.setUserData(TrainingTarget.LOCAL_GPU);
        bindToggles(targets, model.targetProperty(), cpuRadio, gpuRadio);
        gpuRadio.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.gpuProperty().get() == null || !model.gpuProperty().get().available(), model.gpuProperty()));
        gpuLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var gpu = model.gpuProperty().get();
            if (gpu == null) {
                return "Looking for a GPU…";
            }
            return gpu.available() ? "GPU: " + gpu.reason() : "The local GPU cannot be used: " + gpu.reason();
        }, model.gpuProperty()));
        model.gpuProperty().addListener((property, old, now) -> installTooltip(now != null && now.available(),
                new Tooltip(gpuLabel.getText()), gpuHolder));

        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
    }

    /** A tooltip on the holder of a disabled control (a disabled control shows none of its own). */
    private static void installTooltip(boolean available, Tooltip tooltip, Node... holders) {
        for (Node holder : holders) {
            if (available) {
                Tooltip.uninstall(holder, tooltip);
            } else {
                Tooltip.install(holder, tooltip);
            }
        }
    }

    private static <T> void bindToggles(ToggleGroup group, javafx.beans.property.ObjectProperty<T> value,
            RadioButton... buttons) {
        for (RadioButton button : buttons) {
            button.setToggleGroup(group);
        }
        selectToggle(group, value.get());
        group.selectedToggleProperty().addListener((property, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
        value.addListener((property, old, now) -> selectToggle(group, now));
    }

    private static void selectToggle(ToggleGroup group, Object value) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData().equals(value) && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }

    /** Shows the dialog; {@code started} is told of the run once it has started. */
    public void show(Window owner, Consumer<Run> started) {
        model.open(settings.current().defaultTarget());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New run");
        dialog.setResizable(true);
        dialog.getDialogPane().setPrefWidth(820);
        dialog.getDialogPane().setContent(root);
        ButtonType start = new ButtonType("_Start", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("newRunStart");
        startButton.disableProperty().bind(model.startingProperty());
        startButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            String typedExperiment = experimentBox.getEditor().getText();
            if (typedExperiment != null && !typedExperiment.isBlank()) {
                model.experimentProperty().set(typedExperiment.strip());
            }
            model.start(run -> {
                dialog.setResult(start);
                dialog.close();
                started.accept(run);
            });
        });
        dialog.show();
        Platform.runLater(datasetField::requestFocus);
    }

    @FXML
    private void browse(ActionEvent event) {
        Path start = null;
        String typed = datasetField.getText() == null ? "" : datasetField.getText().strip();
        try {
            BlobUri uri = typed.isEmpty() ? null : BlobUri.parse(typed);
            if (uri != null && !uri.isGcs() && uri.toPath().getParent() != null) {
                start = uri.toPath().getParent();
            }
        } catch (IllegalArgumentException e) {
            start = null;
        }
        dialogs.chooseFile("Choose the dataset's CSV", start).ifPresent(file -> {
            datasetField.setText(file.toString());
            model.loadSchema();
        });
    }

    @FXML
    private void recipeDefaults(ActionEvent event) {
        model.fillDefaults(model.recipeProperty().get());
    }
}
