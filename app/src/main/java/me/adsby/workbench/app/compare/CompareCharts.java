package me.adsby.workbench.app.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.SliceMetrics;
import me.adsby.workbench.engine.eval.Curve;
import me.adsby.workbench.engine.eval.ReliabilityBin;
import me.adsby.workbench.storage.history.MetricPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The Compare screen's charts, one series per run named as in the table: an epoch metric, ROC and
 * precision-recall curves (already downsampled by the engine without changing their shape; each ROC legend
 * entry with its run's AUC, beside the "chance" diagonal), calibration with the diagonal and each bin's count,
 * and a metric per slice with its interval. Built off the FX thread; JFreeChart objects
 * are not shown until handed to the FX thread.
 */
final class CompareCharts {

    /** Epoch series longer than this are thinned to it (evenly, keeping the last epoch) for drawing. */
    static final int MAX_EPOCH_POINTS = 500;

    private static final String CHANCE = "chance";
    private static final String PERFECT = "perfect calibration";

    private CompareCharts() {
    }

    static JFreeChart epochs(List<ComparedRun> runs, Map<String, String> names, String key) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ComparedRun run : runs) {
            XYSeries series = new XYSeries(names.get(run.id()), true, true);
            List<MetricPoint> points = run.series().getOrDefault(key, List.of()).stream()
                    .filter(p -> p.epoch() != null).toList();
            for (MetricPoint point : thinned(points)) {
                series.addOrUpdate(point.epoch().doubleValue(), point.value());
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(key + " by epoch", "epoch", key, data,
                PlotOrientation.VERTICAL, true, true, false);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    static JFreeChart roc(List<ComparedRun> runs, Map<String, String> names) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ComparedRun run : runs) {
            var auc = run.evaluation().metric(me.adsby.workbench.engine.eval.Metric.AUC);
            String name = names.get(run.id()) + (auc.isDefined() ? String.format(java.util.Locale.ROOT, " (AUC %.4f)",
                    auc.value()) : " (AUC n/a)");
            run.evaluation().rocCurve().ifPresent(curve -> data.addSeries(series(name, curve)));
        }
        data.addSeries(diagonal(CHANCE));
        return withDiagonal(ChartFactory.createXYLineChart("ROC", "false positive rate", "true positive rate", data,
                PlotOrientation.VERTICAL, true, true, false), data);
    }

    static JFreeChart precisionRecall(List<ComparedRun> runs, Map<String, String> names) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ComparedRun run : runs) {
            run.evaluation().precisionRecallCurve().ifPresent(curve -> data.addSeries(series(names.get(run.id()), curve)));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Precision-recall", "recall", "precision", data,
                PlotOrientation.VERTICAL, true, true, false);
        unitAxes(chart.getXYPlot());
        return chart;
    }

    static JFreeChart calibration(List<ComparedRun> runs, Map<String, String> names) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<Long>> counts = new ArrayList<>();
        for (ComparedRun run : runs) {
            XYSeries series = new XYSeries(names.get(run.id()), false, true);
            List<Long> binCounts = new ArrayList<>();
            for (ReliabilityBin bin : run.evaluation().reliability().bins()) {
                if (bin.count() > 0 && bin.meanPredicted().isDefined() && bin.observedRate().isDefined()) {
                    series.add(bin.meanPredicted().value(), bin.observedRate().value());
                    binCounts.add((long) bin.count());
                }
            }
            data.addSeries(series);
            counts.add(binCounts);
        }
        data.addSeries(diagonal(PERFECT));
        JFreeChart chart = withDiagonal(ChartFactory.createXYLineChart("Calibration (10 equal-width bins; n = examples"
                + " in each)", "mean predicted probability", "observed click rate", data, PlotOrientation.VERTICAL, true,
                true, false), data);
        // Each bin's point says how many examples it holds: a bin of 3 examples is not a bin of 3,000.
        // (as a label beside the point for up to 3 runs, where labels stay legible; always in the point's tooltip).
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        org.jfree.chart.labels.XYItemLabelGenerator label = (dataset, series, item) -> series < counts.size()
                && item < counts.get(series).size() ? "n=" + counts.get(series).get(item) : null;
        renderer.setDefaultItemLabelGenerator(label);
        renderer.setDefaultItemLabelsVisible(runs.size() <= 3);
        renderer.setSeriesItemLabelsVisible(data.getSeriesCount() - 1, false);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> series < counts.size()
                && item < counts.get(series).size() ? String.format(java.util.Locale.ROOT, "%s: predicted %.3f, observed %.3f,"
                + " %s examples", dataset.getSeriesKey(series), dataset.getXValue(series, item),
                dataset.getYValue(series, item), counts.get(series).get(item)) : null);
        return chart;
    }

    /** One metric per slice value: a point with its 95% interval per run, runs side by side within a slice. */
    static JFreeChart slices(List<ComparedRun> runs, Map<String, String> names,
                             Map<String, List<SliceMetrics.Slice>> byRun, String column, String metric) {
        Set<String> values = new LinkedHashSet<>();
        byRun.values().forEach(slices -> slices.forEach(slice -> values.add(slice.value())));
        List<String> order = new ArrayList<>(values);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double width = 0.6;
        for (int r = 0; r < runs.size(); r++) {
            ComparedRun run = runs.get(r);
            double offset = runs.size() == 1 ? 0 : -width / 2 + width * r / (runs.size() - 1);
            YIntervalSeries series = new YIntervalSeries(names.get(run.id()));
            for (SliceMetrics.Slice slice : byRun.getOrDefault(run.id(), List.of())) {
                if (!slice.metric().isDefined()) {
                    continue;
                }
                double value = slice.metric().value();
                double low = slice.interval() == null ? value : slice.interval().lower();
                double high = slice.interval() == null ? value : slice.interval().upper();
                series.add(order.indexOf(slice.value()) + offset, value, low, high);
            }
            data.addSeries(series);
        }
        SymbolAxis axis = new SymbolAxis(column, order.toArray(String[]::new));
        NumberAxis range = new NumberAxis(metric + " (95% interval)");
        range.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        XYPlot plot = new XYPlot(data, axis, range, renderer);
        return new JFreeChart(metric + " by " + column, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    static <T> List<T> thinned(List<T> points) {
        if (points.size() <= MAX_EPOCH_POINTS) {
            return points;
        }
        List<T> kept = new ArrayList<>();
        double stride = (double) (points.size() - 1) / (MAX_EPOCH_POINTS - 1);
        for (int i = 0; i < MAX_EPOCH_POINTS; i++) {
            kept.add(points.get((int) Math.round(i * stride)));
        }
        return kept;
    }

    private static XYSeries series(String name, Curve curve) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < curve.size(); i++) {
            series.add(curve.x(i), curve.y(i));
        }
        return series;
    }

    private static XYSeries diagonal(String name) {
        XYSeries line = new XYSeries(name, false, true);
        line.add(0, 0);
        line.add(1, 1);
        return line;
    }

    /** The last series is the diagonal: grey and dashed; both axes 0..1. */
    private static JFreeChart withDiagonal(JFreeChart chart, XYSeriesCollection data) {
        XYPlot plot = chart.getXYPlot();
        XYItemRenderer renderer = plot.getRenderer();
        int last = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(last, Color.GRAY);
        renderer.setSeriesStroke(last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 5f}, 0f));
        unitAxes(plot);
        return chart;
    }

    private static void unitAxes(XYPlot plot) {
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
    }
}
