package me.adsby.workbench.storage.dataset.stats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.image.ImageFacts;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Probes a dataset's image references: each one as it is read when there is no sample limit, else an
 * evenly spread sample ({@link EvenSample}) after the pass. The first problems keep their rows' lines.
 * Not thread-safe.
 */
final class ImageAccumulator {

    private final ImageProbe probe;
    private final EvenSample<Cell> sample;
    private final long[] statuses = new long[ImageStatus.values().length];
    private final NumericAccumulator width = new NumericAccumulator();
    private final NumericAccumulator height = new NumericAccumulator();
    private final NumericAccumulator bytes = new NumericAccumulator();
    private final List<ImageSummary.ImageProblem> firstProblems = new ArrayList<>();
    private long references;
    private long probed;
    private long problems;

    /** An image cell and the line of its row. */
    private record Cell(String reference, long line) {
    }

    /** @param sampleLimit probe at most this many, evenly spread; 0 or less to probe every one */
    ImageAccumulator(ImageProbe probe, int sampleLimit) {
        this.probe = probe;
        this.sample = sampleLimit > 0 ? new EvenSample<>(sampleLimit) : null;
    }

    /** @param line the physical line of the row, for the problems */
    void add(String reference, long line) {
        references++;
        Cell cell = new Cell(reference, line);
        if (sample != null) {
            sample.offer(cell);
        } else {
            probeOne(cell);
        }
    }

    /** Probes the sample, if any; call after the pass. */
    void finish(ProgressListener progress, Cancellation cancel) {
        if (sample == null) {
            return;
        }
        List<Cell> items = sample.items();
        for (int i = 0; i < items.size(); i++) {
            cancel.throwIfCancelled();
            progress.report(i, items.size(), "Probing images");
            probeOne(items.get(i));
        }
        progress.report(items.size(), items.size(), "Probing images");
    }

    private void probeOne(Cell cell) {
        ImageFacts facts = probe.probe(cell.reference().strip());
        probed++;
        statuses[facts.status().ordinal()]++;
        if (!facts.ok()) {
            problems++;
            if (firstProblems.size() < ImageSummary.FIRST_PROBLEMS) {
                firstProblems.add(new ImageSummary.ImageProblem(cell.line(), facts.status(), facts.problem()));
            }
        } else {
            width.add(facts.width());
            height.add(facts.height());
            if (facts.bytes() >= 0) {
                bytes.add(facts.bytes());
            }
        }
    }

    ImageSummary result(int bins) {
        Map<ImageStatus, Long> counts = new EnumMap<>(ImageStatus.class);
        for (ImageStatus status : ImageStatus.values()) {
            if (statuses[status.ordinal()] > 0) {
                counts.put(status, statuses[status.ordinal()]);
            }
        }
        double okShare = probed == 0 ? Double.NaN : (double) statuses[ImageStatus.OK.ordinal()] / probed;
        return new ImageSummary(references, probed, probed < references, counts, okShare, width.result(bins),
                height.result(bins), bytes.result(bins), problems, firstProblems);
    }
}
