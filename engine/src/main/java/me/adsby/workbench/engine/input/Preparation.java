package me.adsby.workbench.engine.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.RowParser;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.dataset.schema.Values;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.image.ImageReference;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * The preparation pass: streams the CSV, turns each good row into an example and writes it to a new cache
 * file. The calling thread reads and parses rows and writes examples in file order; images are decoded and
 * letterboxed on a small pool, at most {@code inFlight} rows ahead of the writer (the pool's queue never holds
 * more), so memory stays bounded whatever the dataset's size. One instance per preparation.
 */
final class Preparation {

    /** The most bad rows kept with their details (all are counted). */
    static final int PROBLEMS_KEPT = 100;

    /** Rows between two progress reports. */
    private static final int REPORT_EVERY = 64;

    private final CsvSource source;
    private final FeatureSpec spec;
    private final SplitSettings split;
    private final ErrorPolicy policy;
    private final SpecColumns columns;
    private final DatasetImages images;
    private final ProgressListener progress;
    private final Cancellation cancel;
    private final int threads;
    private final int inFlight;

    private final RunningMoments[] moments;
    private final StringTable strings = new StringTable();
    private final Map<BadRowKind, Long> badCounts = new EnumMap<>(BadRowKind.class);
    private final List<BadRow> problems = new ArrayList<>();
    private final List<ImageStamp> external = new ArrayList<>();
    private final LeakageCheck leakage;
    private final TimeValues times = new TimeValues();
    private long badTotal;
    private long missingImages;

    Preparation(StoreLookup stores, BlobUri csv, CsvSource source, FeatureSpec spec, SpecColumns columns, SplitSettings split,
                ErrorPolicy policy, ProgressListener progress, Cancellation cancel, int threads, int inFlight) {
        this.source = source;
        this.spec = spec;
        this.columns = columns;
        this.split = split;
        this.policy = policy;
        this.progress = progress;
        this.cancel = cancel;
        this.threads = threads;
        this.inFlight = inFlight;
        this.images = new DatasetImages(csv.parent(), uri -> {
            try {
                return stores.forUri(uri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.leakage = new LeakageCheck(columns.watchedNames(), columns.watched());
        this.moments = new RunningMoments[spec.numeric().size()];
        for (int k = 0; k < moments.length; k++) {
            moments[k] = new RunningMoments();
        }
    }

    /** One row on its way to the cache: a bad row, or an example whose image may still be decoding. */
    private record Pending(BadRow bad, long row, long line, Split split, float label, float[] numeric, String[] categorical,
                           String[] watched, Future<Decoded> image) {

        /** A good row this preparation leaves out: a held-out test row, or in a held-out one any other row. */
        static final Pending SKIPPED = new Pending(null, 0, 0, null, 0, null, null, null, null);

        static Pending bad(BadRow bad) {
            return new Pending(bad, 0, 0, null, 0, null, null, null, null);
        }
    }

    /** A letterboxed image, with its stamp when it lies outside the dataset's folder. */
    private record Decoded(byte[] pixels, ImageStamp stamp) {
    }

    /** Writes the cache file at {@code target} under {@code key}; throws, leaving no file, when it cannot. */
    void run(String key, Path target) throws IOException {
        ExecutorService pool = spec.hasImage() ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
        ArrayDeque<Pending> window = new ArrayDeque<>();
        try (CsvRowReader rows = CsvRowReader.open(source);
             CacheWriter writer = new CacheWriter(target, RecordLayout.of(spec))) {
            checkHeader(rows);
            RowParser parser = new RowParser(source.name(), columns.parseSchema());
            while (rows.next()) {
                cancel.throwIfCancelled();
                if (rows.record() == null) {
                    drain(window, writer);
                    stop(BadRow.of(rows.problem()));
                }
                RowProblem problem = rows.problem();
                if (problem == null) {
                    problem = parser.parse(rows.record(), rows.line());
                }
                window.addLast(problem == null ? example(parser, rows.rows(), rows.line(), pool) : Pending.bad(BadRow.of(problem)));
                if (window.size() >= inFlight) {
                    commit(window.removeFirst(), writer);
                }
                if (rows.rows() % REPORT_EVERY == 0) {
                    report(rows);
                }
            }
            drain(window, writer);
            cancel.throwIfCancelled();
            report(rows);
            external.sort(Comparator.comparing(ImageStamp::uri));
            List<NumericStatistics> statistics = new ArrayList<>();
            for (int k = 0; k < moments.length; k++) {
                statistics.add(moments[k].statistics(spec.numeric().get(k)));
            }
            CacheTrailer trailer = new CacheTrailer(key, source.name(), spec, writer.count(Split.TRAIN),
                    writer.count(Split.VALIDATION), writer.trainPositives(), strings.values(), statistics, Map.copyOf(badCounts),
                    List.copyOf(problems), missingImages, List.copyOf(external), leakage.findings());
            writer.commit(CacheJson.write(trailer));
        } finally {
            for (Pending pending : window) {
                if (pending.image() != null) {
                    pending.image().cancel(true);
                }
            }
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private void checkHeader(CsvRowReader rows) throws BadDataException {
        if (!rows.header().equals(columns.parseSchema().names())) {
            throw new BadDataException(List.of(new RowProblem(source.name(), 1, ProblemKind.HEADER_MISMATCH,
                    "the header " + rows.header() + " is not the schema's " + columns.parseSchema().names())));
        }
    }

    private Pending example(RowParser parser, long row, long line, ExecutorService pool) {
        if (parser.missing(columns.label())) {
            return Pending.bad(new BadRow(source.name(), line, BadRowKind.MISSING_LABEL,
                    "label column '" + spec.label() + "' is empty"));
        }
        float label = parser.label();
        int[] numericColumns = columns.numeric();
        float[] numeric = new float[numericColumns.length];
        for (int k = 0; k < numericColumns.length; k++) {
            int column = numericColumns[k];
            if (parser.missing(column)) {
                numeric[k] = Float.NaN;
            } else if (columns.binary()[k]) {
                int value = Values.binary(parser.text(column));
                if (value == Values.NOT_BINARY) {
                    return Pending.bad(new BadRow(source.name(), line, BadRowKind.NOT_A_NUMBER, "column '"
                            + spec.numeric().get(k) + "' expects 0/1, true/false or yes/no, found '" + parser.text(column) + "'"));
                }
                numeric[k] = value;
            } else {
                numeric[k] = (float) parser.number(column);
            }
        }
        int[] categoricalColumns = columns.categorical();
        String[] categorical = new String[categoricalColumns.length];
        for (int k = 0; k < categoricalColumns.length; k++) {
            int column = categoricalColumns[k];
            categorical[k] = parser.missing(column) ? "" : parser.text(column).strip();
        }
        Split where;
        if (split.kind() == SplitKind.TIME) {
            double time = parser.missing(columns.key()) ? Double.NaN : times.parse(parser.text(columns.key()));
            if (Double.isNaN(time)) {
                return Pending.bad(new BadRow(source.name(), line, BadRowKind.NOT_A_TIME, "time column '" + split.column()
                        + "' holds '" + (parser.missing(columns.key()) ? "" : parser.text(columns.key()))
                        + "', which is not a time (a number, or an ISO-8601 date or date-time)"));
            }
            where = split.ofTime(time);
        } else {
            where = columns.key() < 0 ? split.ofRow(row) : split.ofText(parser.missing(columns.key()) ? ""
                    : parser.text(columns.key()));
        }
        if (where == null) {
            return Pending.SKIPPED;
        }
        int[] watchedColumns = columns.watched();
        String[] watched = new String[watchedColumns.length];
        for (int k = 0; k < watchedColumns.length; k++) {
            watched[k] = parser.missing(watchedColumns[k]) ? "" : parser.text(watchedColumns[k]);
        }
        Future<Decoded> image = null;
        if (spec.hasImage() && !parser.missing(columns.image())) {
            ImageReference reference = images.resolve(parser.text(columns.image()));
            if (!reference.resolved()) {
                return Pending.bad(new BadRow(source.name(), line, BadRowKind.IMAGE_UNUSABLE, "image " + reference.problem()));
            }
            image = pool.submit(() -> decode(reference));
        }
        return new Pending(null, row, line, where, label, numeric, categorical, watched, image);
    }

    private Decoded decode(ImageReference resolved) throws IOException {
        cancel.throwIfCancelled();
        // The rule validation shares (DatasetImages): a symbolic link that leaves the dataset's folder is refused.
        ImageReference reference = images.confine(resolved);
        if (!reference.resolved()) {
            throw new IOException("image " + reference.problem());
        }
        BlobUri uri = reference.uri();
        ImageStamp stamp = null;
        if (!images.root().contains(uri)) {
            BlobInfo info = images.decoder().stat(uri);
            stamp = new ImageStamp(uri.toString(), info.size(), info.generation());
        }
        BufferedImage image = images.decode(uri);
        return new Decoded(Letterbox.rgb(image, spec.imageSize()), stamp);
    }

    private void drain(ArrayDeque<Pending> window, CacheWriter writer) throws IOException {
        while (!window.isEmpty()) {
            commit(window.removeFirst(), writer);
        }
    }

    private void commit(Pending pending, CacheWriter writer) throws IOException {
        if (pending.bad() != null) {
            bad(pending.bad());
            return;
        }
        if (pending == Pending.SKIPPED) {
            return;
        }
        byte[] pixels = null;
        if (pending.image() != null) {
            Decoded decoded;
            try {
                decoded = pending.image().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while preparing " + source.name());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CancellationException cancelled) {
                    throw cancelled;
                }
                if (cause instanceof UncheckedIOException storeFailure) {
                    // No store for the image (e.g. no GCS credentials): not the row's fault, so it stops the run.
                    throw storeFailure.getCause();
                }
                if (!(cause instanceof IOException)) {
                    throw new IOException("Preparing the image of " + source.name() + ":" + pending.line() + " failed", cause);
                }
                bad(new BadRow(source.name(), pending.line(), BadRowKind.IMAGE_UNUSABLE, reasonOf(cause)));
                return;
            }
            pixels = decoded.pixels();
            if (decoded.stamp() != null) {
                external.add(decoded.stamp());
            }
        } else if (spec.hasImage()) {
            missingImages++;
        }
        if (leakage.watches()) {
            leakage.add(pending.split(), pending.watched());
        }
        if (pending.split() == Split.TRAIN) {
            for (int k = 0; k < moments.length; k++) {
                moments[k].add(pending.numeric()[k]);
            }
        }
        String[] categorical = pending.categorical();
        int[] indices = new int[categorical.length];
        for (int k = 0; k < categorical.length; k++) {
            indices[k] = strings.indexOf(categorical[k]);
        }
        writer.write(pending.split(), pending.label(), pending.row(), pending.numeric(), indices, pixels);
    }

    private static String reasonOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private void bad(BadRow row) throws BadInputException {
        badCounts.merge(row.kind(), 1L, Long::sum);
        badTotal++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(row);
        }
        if (policy.stopsAt(badTotal)) {
            stopWith(row);
        }
    }

    /** A problem after which nothing can be read: counted, then preparation stops whatever the policy. */
    private void stop(BadRow row) throws BadInputException {
        badCounts.merge(row.kind(), 1L, Long::sum);
        badTotal++;
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(row);
        }
        stopWith(row);
    }

    private void stopWith(BadRow last) throws BadInputException {
        List<BadRow> shown = new ArrayList<>(problems);
        if (!shown.contains(last)) {
            shown.add(last);
        }
        throw new BadInputException(shown);
    }

    private void report(CsvRowReader rows) {
        String message = String.format(Locale.ROOT, "Preparing %s: %,d rows", source.name(), rows.rows());
        if (source.size() > 0) {
            progress.report(Math.min(rows.bytesRead(), source.size()), source.size(), message);
        } else {
            progress.report(rows.rows(), -1, message);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "prepare-images-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
