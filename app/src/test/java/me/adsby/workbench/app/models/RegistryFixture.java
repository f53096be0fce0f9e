package me.adsby.workbench.app.models;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.ModelExporter;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.history.RunHistory;

/**
 * A small multimodal model trained here and exported (numeric {@code x0, x1}, categorical {@code c0, c1}, image
 * {@code banner} of {@value #SIDE} pixels, label {@code clicked}), a dataset CSV of such rows with its PNGs
 * named relative to the CSV, and a home's registry to publish it into, as {@code workbench publish} does.
 */
public final class RegistryFixture {

    public static final int SIDE = 16;
    public static final int ROWS = 64;

    private RegistryFixture() {
    }

    /** Trains one pass over {@value #ROWS} random examples and exports the model into {@code folder}/model. */
    public static Path trainModel(Path folder) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int pixels = SIDE * SIDE * 3;
        float[] numeric = new float[ROWS * 2];
        String[] categorical = new String[ROWS * 2];
        float[] image = new float[ROWS * pixels];
        float[] labels = new float[ROWS];
        long[] rows = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            numeric[2 * i] = (float) random.nextGaussian();
            numeric[2 * i + 1] = (float) random.nextGaussian();
            categorical[2 * i] = "cat" + random.nextInt(3);
            categorical[2 * i + 1] = "noise" + random.nextInt(5);
            for (int p = 0; p < pixels; p++) {
                image[i * pixels + p] = random.nextInt(256);
            }
            labels[i] = numeric[2 * i] + random.nextGaussian() > 0 ? 1f : 0f;
            rows[i] = i + 1;
        }
        Batch batch = new Batch(ROWS, numeric, categorical, image, labels, rows);
        FeatureSpec spec = new FeatureSpec(List.of("x0", "x1"), List.of("c0", "c1"), "banner",
                "clicked", SIDE);
        ModelDefinition definition = new ModelDefinition(Recipe.MULTIMODAL, spec,
                Hyperparameters.defaults(Recipe.MULTIMODAL).withImageSize(SIDE),
                NumericStats.of(List.of(batch), 2), LabelPrior.of(List.of(batch)));
        Path checkpoint = folder.resolve("ckpt/model");
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            trainer.trainStep(batch);
            trainer.save(checkpoint);
        }
        Path model = folder.resolve("model");
        ModelExporter.export(definition, checkpoint, model);
        return model;
    }

    /** A CSV of {@code count} rows with the model's columns; images under {@code images/}, named relative to it. */
    public static Path dataset(Path folder, int count) throws IOException {
        Files.createDirectories(folder.resolve("images"));
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder csv = new StringBuilder("x0,x1,c0,c1,banner,clicked\n");
        for (int i = 1; i <= count; i++) {
            BufferedImage png = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    png.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(png, "png", folder.resolve("images/ad" + i + ".png").toFile());
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,cat%d,noise%d,images/ad%d.png,%d%n",
                    random.nextGaussian(), random.nextGaussian(), random.nextInt(3), random.nextInt(5), i, i % 2));
        }
        Path file = folder.resolve("ads.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** The home's registry ({@code <home>/registry}) recording into {@code history}, as the app opens it. */
    public static Registry registry(Path registryFolder, RunHistory history, String user) {
        BlobUri root = BlobUri.local(registryFolder);
        noPollWait(registryFolder);
        return new Registry(new LocalBlobStore(), root, history == null ? null : history.registry(), user, Clock.systemUTC());
    }

    /**
     * Records a config poll interval of 0 in the registry: no TF Serving reads a test's registry, so label moves
     * need not wait out one.
     */
    public static void noPollWait(Path registryFolder) {
        try {
            new me.adsby.workbench.engine.registry.RegistrySettings(0).write(new LocalBlobStore(), BlobUri.local(registryFolder));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A card with an AUC and log loss with intervals, as a publisher writes them. */
    public static ModelCard card(String runId, double auc, double logLoss) {
        ObjectNode metrics = JsonNodeFactory.instance.objectNode();
        metrics.putObject("auc").put("value", auc).put("lower", auc - 0.02).put("upper", auc + 0.02);
        metrics.putObject("log_loss").put("value", logLoss).putArray("interval").add(logLoss - 0.01).add(logLoss + 0.01);
        return ModelCard.of(runId, "/data/ads.csv", metrics, null, Map.of("epochs", "1"), null);
    }
}
