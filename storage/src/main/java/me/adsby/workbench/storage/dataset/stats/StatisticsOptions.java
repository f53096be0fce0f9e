package me.adsby.workbench.storage.dataset.stats;

import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.image.ImageProbe;

/**
 * How statistics are computed.
 *
 * @param policy            what to do with bad rows
 * @param distinctCap       distinct values counted exactly per column (then estimated)
 * @param histogramBins     equal-width bins of numeric histograms
 * @param imageProbe        probes the image column's references, or null not to probe
 * @param imageSampleLimit  probe at most this many images, evenly spread; 0 to probe every one
 * @param maxProblemDetails problems listed in the result (all are counted)
 */
public record StatisticsOptions(ErrorPolicy policy, int distinctCap, int histogramBins, ImageProbe imageProbe,
                                int imageSampleLimit, int maxProblemDetails) {

    public StatisticsOptions {
        if (distinctCap < 1 || histogramBins < 1 || imageSampleLimit < 0 || maxProblemDetails < 0) {
            throw new IllegalArgumentException("distinctCap and histogramBins must be >= 1, imageSampleLimit and "
                    + "maxProblemDetails >= 0");
        }
    }

    /** Skip and count bad rows, 10,000 exact distinct values, 20 bins, no image probe. */
    public static StatisticsOptions defaults() {
        return new StatisticsOptions(ErrorPolicy.skipAndCount(), 10_000, 20, null, 0, 1000);
    }

    public StatisticsOptions withPolicy(ErrorPolicy newPolicy) {
        return new StatisticsOptions(newPolicy, distinctCap, histogramBins, imageProbe, imageSampleLimit,
                maxProblemDetails);
    }

    public StatisticsOptions withImageProbe(ImageProbe probe, int sampleLimit) {
        return new StatisticsOptions(policy, distinctCap, histogramBins, probe, sampleLimit, maxProblemDetails);
    }

    public StatisticsOptions withDistinctCap(int cap) {
        return new StatisticsOptions(policy, cap, histogramBins, imageProbe, imageSampleLimit, maxProblemDetails);
    }
}
