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

    /** What a run trains and validates on, and what it was told about its split. */
    record Resolved(PreparedDataset train, PreparedDataset validation, String description, List<LeakageFinding> leakage,
            List<String> notices) {

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
            return resolved(prepare(csv, schema, features, legacy), legacy.describe(), List.of());
        }
        if (plan.validationData() != null) {
            PreparedDataset train = prepare(csv, schema, features, SplitSettings.allTraining());
            BlobUri other = BlobUri.parse(plan.validationData());
            PreparedDataset validation = prepare(other, schema, features, SplitSettings.allTraining());
            return new Resolved(train, validation, plan.describe(), List.of(), List.of());
        }
        SplitSettings settings = switch (plan.kind()) {
            case "group" -> SplitSettings.group(plan.column(), plan.validationFraction(), plan.seed());
            case "time" -> SplitSettings.time(plan.column(), plan.validationFraction(), TimeCutoff.choose(
                    CsvSource.of(stores.forUri(csv), csv), plan.column(), plan.validationFraction(), cancel));
            default -> new SplitSettings(keyColumn(schema).orElse(null), plan.validationFraction(), plan.seed());
        };
        PreparedDataset data = prepare(csv, schema, features, settings);
        List<String> notices = new ArrayList<>();
        if (plan.kind().equals("auto")) {
            Optional<LeakageFinding> repeating = firstIdLike(schema, data.leakage());
            if (repeating.isPresent()) {
                String column = repeating.get().column();
                notices.add("The split is group:" + column + ", not random: " + repeating.get().describe()
                        .replaceFirst("; --split group:.*$", "") + " under a random split.");
                settings = SplitSettings.group(column, plan.validationFraction(), plan.seed());
                data = prepare(csv, schema, features, settings);
            }
        }
        return resolved(data, settings.describe(), notices);
    }

    private Resolved resolved(PreparedDataset data, String description, List<String> notices) {
        List<String> all = new ArrayList<>(notices);
        data.leakage().forEach(finding -> all.add("Leakage: " + finding.describe() + "."));
        all.forEach(notice -> log.println("Notice: " + notice));
        return new Resolved(data, data, description, data.leakage(), all);
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
