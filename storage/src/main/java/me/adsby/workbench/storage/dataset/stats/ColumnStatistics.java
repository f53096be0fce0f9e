package me.adsby.workbench.storage.dataset.stats;

import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnType;

/**
 * Statistics of one column over the good rows.
 *
 * @param present     cells that are not missing
 * @param missing     missing cells (see {@link me.adsby.workbench.storage.dataset.schema.Values})
 * @param distinct    distinct values among the present cells (exact up to the cap, then estimated)
 * @param numeric     for INTEGER and FLOAT columns, else null
 * @param categorical for the other columns (top values), else null
 */
public record ColumnStatistics(String name, ColumnType type, ColumnRole role, long present, long missing,
                               DistinctCount distinct, NumericSummary numeric, CategoricalSummary categorical) {
}
