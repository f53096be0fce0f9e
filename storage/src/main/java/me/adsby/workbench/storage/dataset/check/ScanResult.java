package me.adsby.workbench.storage.dataset.check;

import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * How a pass over a CSV went.
 *
 * @param rowsRead     rows seen (good and bad), not counting the header and blank lines
 * @param goodRows     rows used
 * @param badRows      rows skipped for a problem; {@code rowsRead == goodRows + badRows}
 * @param blankLines   blank lines skipped (they are not rows)
 * @param stoppedEarly whether reading stopped before the end (a fatal problem, or the policy's limit)
 * @param stopReason   the problem that stopped it, or null
 */
public record ScanResult(long rowsRead, long goodRows, long badRows, long blankLines, boolean stoppedEarly,
                         RowProblem stopReason) {
}
