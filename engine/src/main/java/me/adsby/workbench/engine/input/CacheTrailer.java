package me.adsby.workbench.engine.input;

import java.util.List;
import java.util.Map;

/**
 * The JSON part at the end of a prepared cache file: what a reader needs besides the records (the string
 * table of categorical values), the numeric statistics of the training split, and the report of the
 * preparation (bad rows, missing images).
 *
 * @param key             the cache key the file was written under
 * @param csv             the CSV's name
 * @param spec            the feature spec the records follow
 * @param trainCount      training records (first in the file)
 * @param validationCount validation records (after the training ones)
 * @param trainPositives  training records whose label is 1
 * @param strings         the categorical values; records hold indices into this list
 * @param statistics      per numeric feature, over the training split
 * @param badRowCounts    bad rows per kind
 * @param problems        the first bad rows, in file order
 * @param missingImages   good rows whose image cell was empty (all-zero pixels)
 * @param externalImages  images outside the dataset's folder, as they were (checked again on a cache hit)
 * @param leakage         identifier-like columns with values on both sides of the split
 */
record CacheTrailer(String key, String csv, FeatureSpec spec, long trainCount, long validationCount, long trainPositives,
        List<String> strings, List<NumericStatistics> statistics, Map<BadRowKind, Long> badRowCounts,
        List<BadRow> problems, long missingImages, List<ImageStamp> externalImages, List<LeakageFinding> leakage) {

    CacheTrailer {
        leakage = leakage == null ? List.of() : List.copyOf(leakage);
    }
}
