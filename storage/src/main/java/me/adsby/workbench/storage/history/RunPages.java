package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs table's pages: one query for the page's runs (filters, sort, OFFSET/FETCH), one count, then the
 * params, final metrics and best-epoch metrics of just those runs by primary key. Final metrics come from {@code final_metrics},
 * kept as points arrive, so a page never reads metric points.
 */
final class RunPages {

    private RunPages() {
    }

    static RunPage page(Connection connection, RunQuery query) throws SQLException {
        List<Object> filterArgs = new ArrayList<>();
        String where = where(query, filterArgs);
        long total = count(connection, where, filterArgs);
        List<Run> runs = runs(connection, query, where, filterArgs);
        Map<String, Map<String, String>> params = children(connection, runs,
                "SELECT run_id, param_key, param_value FROM params WHERE run_id IN ", ResultSet::getString);
        Map<String, Map<String, Double>> finals = children(connection, runs,
                "SELECT run_id, metric_key, metric_val FROM final_metrics WHERE run_id IN ", ResultSet::getDouble);
        Map<String, BestEpoch> best = BestMetricStore.read(connection, runs.stream().map(Run::id).toList());
        List<RunRow> rows = new ArrayList<>(runs.size());
        for (Run run : runs) {
            rows.add(new RunRow(run, params.getOrDefault(run.id(), Map.of()), finals.getOrDefault(run.id(), Map.of()),
                    java.util.Optional.ofNullable(best.get(run.id()))));
        }
        return new RunPage(rows, query.offset(), total);
    }

    private static String where(RunQuery query, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.experiment() != null) {
            where.append(" AND e.name = ?");
            args.add(query.experiment());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" AND r.status IN (").append(placeholders(query.statuses().size())).append(')');
            query.statuses().stream().sorted().forEach(status -> args.add(status.name()));
        }
        if (query.text() != null) {
            where.append(" AND LOWER(r.name) LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return where.toString();
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long count(Connection connection, String where, List<Object> args) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*)" + RunStore.FROM + where)) {
            bind(select, 1, args);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Run> runs(Connection connection, RunQuery query, String where, List<Object> filterArgs)
            throws SQLException {
        RunSort sort = query.sort();
        String direction = sort.descending() ? " DESC" : " ASC";
        String join = "";
        String order;
        switch (sort.by()) {
            case NAME -> order = "LOWER(r.name)" + direction + ", r.name" + direction;
            case STATUS -> order = statusOrder() + direction;
            case FINAL_METRIC -> {
                join = " LEFT JOIN final_metrics m ON m.run_id = r.id AND m.metric_key = ?";
                order = "m.metric_val" + direction + " NULLS LAST";
            }
            case BEST_METRIC -> {
                join = " LEFT JOIN best_metrics m ON m.run_id = r.id AND m.metric_key = ?";
                order = "m.metric_val" + direction + " NULLS LAST";
            }
            default -> order = "r.created" + direction + ", r.id" + direction;
        }
        String sql = "SELECT " + RunStore.COLUMNS + RunStore.FROM + join + where + " ORDER BY " + order
                + ", r.created DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<Run> runs = new ArrayList<>(query.limit());
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            if (!join.isEmpty()) {
                select.setString(index++, sort.metricKey());
            }
            index = bind(select, index, filterArgs);
            select.setInt(index++, query.offset());
            select.setInt(index, query.limit());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(RunStore.map(rows));
                }
            }
        }
        return runs;
    }

    /** QUEUED first, INTERRUPTED last: the enum's (lifecycle) order. */
    private static String statusOrder() {
        StringBuilder order = new StringBuilder("CASE r.status");
        for (RunStatus status : RunStatus.values()) {
            order.append(" WHEN '").append(status.name()).append("' THEN ").append(status.ordinal());
        }
        return order.append(" END").toString();
    }

    /** Reads a value from a column. */
    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet rows, int index) throws SQLException;
    }

    /** Key-value children of the given runs, by run id then key; the select's columns are run id, key, value. */
    private static <V> Map<String, Map<String, V>> children(Connection connection, List<Run> runs, String select,
            Column<V> value) throws SQLException {
        Map<String, Map<String, V>> byRun = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return byRun;
        }
        try (PreparedStatement statement = connection.prepareStatement(select + "(" + placeholders(runs.size()) + ")")) {
            for (int i = 0; i < runs.size(); i++) {
                statement.setString(i + 1, runs.get(i).id());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byRun.computeIfAbsent(rows.getString(1), id -> new TreeMap<>()).put(rows.getString(2), value.read(rows, 3));
                }
            }
        }
        return byRun;
    }

    private static int bind(PreparedStatement statement, int first, List<Object> args) throws SQLException {
        int index = first;
        for (Object arg : args) {
            statement.setObject(index++, arg);
        }
        return index;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
