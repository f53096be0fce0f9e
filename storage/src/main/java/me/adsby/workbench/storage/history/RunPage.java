package me.adsby.workbench.storage.history;

import java.util.List;

/**
 * A page of the runs table.
 *
 * @param offset how many matching runs come before this page
 * @param total  how many runs match the query in all
 */
public record RunPage(List<RunRow> rows, int offset, long total) {

    public RunPage {
        rows = List.copyOf(rows);
    }

    public boolean hasMore() {
        return offset + rows.size() < total;
    }
}
