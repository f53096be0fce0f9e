package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.InputPipeline;
import me.adsby.workbench.engine.input.LeakageFinding;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.engine.input.TimeCutoff;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Resolves a run's {@link SplitPlan} into prepared training and validation examples. {@code auto} prepares a
 * random split (by the schema's key column when it has one, else by row) and, when identifier-like columns
 * then have values on both sides, prepares again grouped by the one with the fewest distinct values (the
 * coarsest groups, the most rows each: the worst leak; the first in schema order on a tie), saying so.
 * A validation file is prepared whole and read as the validation examples. Leakage that remains (another
 * identifier-like column across the sides) is reported as notices, with the split that avoids it.
 */
final class TrainingSplits {

    /**
     * What a run trains and validates on, and what it was told about its split.
     *
     * @param heldOut the settings that prepare the dataset's held-out test rows alone, or null when it holds none out
     */
    record Resolved(PreparedDataset train, PreparedDataset validation, String description, List<LeakageFinding> leakage,
            List<String> notices, SplitSettings heldOut) {

        /** Where the validation examples are in {@link #validation}: its training part for a separate file. */
        me.adsby.workbench.engine.input.Split validationSplit() {
            return train == validation ? me.adsby.workbench.engine.input.Split.VALIDATION
                    : me.adsby.workbench.engine.input.Split.TRAIN;
        }
    }

    private final BlobStores stores;
    private final Path cacheFolder;
    private final ErrorPolicy policy;
    private final ProgressListener progress;
    private final Cancellation cancel;
    private final PrintStream log;

    TrainingSplits(BlobStores stores, Path cacheFolder, ErrorPolicy policy, ProgressListener progress, Cancellation cancel,
            PrintStream log) {
        this.stores = stores;
        this.cacheFolder = cacheFolder;
        this.policy = policy;
        this.progress = progress;
        this.cancel = cancel;
        this.log = log;
    }

    Resolved prepare(RunSpec spec, Schema schema, FeatureSpec features) throws IOException {
        BlobUri csv = BlobUri.parse(spec.dataset());
        SplitPlan plan = spec.split();
        if (plan == null) {
            SplitSettings legacy = new SplitSettings(null, spec.validationFraction(), spec.hyperparameters().seed());
            return resolved(prepare(csv, schema, features, legacy), legacy.describe(), List.of(), null);
        }
        double test = plan.testFraction();
        if (plan.validationData() != null) {
            SplitSettings whole = test == 0 ? SplitSettings.allTraining()
                    : new SplitSettings(keyColumn(schema).orElse(null), 0.0, plan.seed()).withTest(test, Double.NaN);
            PreparedDataset train = prepare(csv, schema, features, whole);
            BlobUri other = BlobUri.parse(plan.validationData());
            PreparedDataset validation = prepare(other, schema, features, SplitSettings.allTraining());
            return new Resolved(train, validation, describe(plan.describe(), test), List.of(), List.of(),
                    test == 0 ? null : whole.heldOut());
        }
        SplitSettings settings = switch (plan.kind()) {
            case "group" -> SplitSettings.group(plan.column(), plan.validationFraction(), plan.seed()).withTest(test,
                    Double.NaN).withValidationStart(plan.validationStart());
            case "time" -> timeSettings(csv, plan);
            default -> new SplitSettings(keyColumn(schema).orElse(null), plan.validationFraction(), plan.seed())
                    .withTest(test, Double.NaN).withValidationStart(plan.validationStart());
        };
        PreparedDataset data = prepare(csv, schema, features, settings);
        List<String> notices = new ArrayList<>();
        if (plan.kind().equals("auto")) {
            Optional<LeakageFinding> repeating = firstIdLike(schema, data.leakage());
            if (repeating.isPresent()) {
                String column = repeating.get().column();
                notices.add("The split is group:" + column + ", not random: " + repeating.get().describe()
                        .replaceFirst("; --split group:.*$", "") + " under a random split.");
                settings = SplitSettings.group(column, plan.validationFraction(), plan.seed()).withTest(test, Double.NaN)
                        .withValidationStart(plan.validationStart());
                data = prepare(csv, schema, features, settings);
            }
        }
        String described = plan.folds() == 0 ? settings.describe()
                : settings.describe() + ", fold " + plan.fold() + " of " + plan.folds();
        return resolved(data, describe(described, test), notices, test == 0 ? null : settings.heldOut());
    }

    /** Validation after one cutoff; with a test part, the latest rows after a second one are test. */
    private SplitSettings timeSettings(BlobUri csv, SplitPlan plan) throws IOException {
        double validation = plan.validationFraction();
        double test = plan.testFraction();
        double[] cutoffs = TimeCutoff.choose(CsvSource.of(stores.forUri(csv), csv), plan.column(),
                new double[] {validation + test, test}, cancel);
        SplitSettings settings = SplitSettings.time(plan.column(), validation, cutoffs[0]);
        return test == 0 ? settings : settings.withTest(test, cutoffs[1]);
    }

    private static String describe(String split, double test) {
        return test == 0 ? split : split + ", " + SplitPlan.percent(test) + " held out as test rows";
    }

    private Resolved resolved(PreparedDataset data, String description, List<String> notices, SplitSettings heldOut) {
        List<String> all = new ArrayList<>(notices);
        data.leakage().forEach(finding -> all.add("Leakage: " + finding.describe() + "."));
        all.forEach(notice -> log.println("Notice: " + notice));
        return new Resolved(data, data, description, data.leakage(), all, heldOut);
    }

    private PreparedDataset prepare(BlobUri csv, Schema schema, FeatureSpec features, SplitSettings settings)
            throws IOException {
        return new InputPipeline().prepare(stores, csv, schema, features, settings, policy, cacheFolder, progress, cancel);
    }

    /** The schema's key column: a random split hashes it, so a row keeps its side when the file is reordered. */
    private static Optional<String> keyColumn(Schema schema) {
        return schema.columns().stream().filter(column -> column.role() == ColumnRole.KEY).map(ColumnSchema::name)
                .findFirst();
    }

    /**
     * The leaking column to group by: among the key and group columns, the one with the fewest distinct values
     * (the first on a tie); without one, the image column.
     */
    private static Optional<LeakageFinding> firstIdLike(Schema schema, List<LeakageFinding> leakage) {
        Optional<LeakageFinding> idLike = leakage.stream()
                .filter(finding -> schema.column(finding.column()).role() != ColumnRole.IMAGE)
                .min(java.util.Comparator.comparingLong(LeakageFinding::distinctValues));
        return idLike.isPresent() ? idLike : leakage.stream().findFirst();
    }
}
