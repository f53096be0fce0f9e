package me.adsby.workbench.app.data;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import me.adsby.workbench.storage.dataset.stats.Histogram;
import me.adsby.workbench.storage.dataset.stats.ValueCount;

/** Charts of a column's statistics, built with JFreeChart. Cheap: they only hold the bins. */
final class StatisticsCharts {

    /** Top values shown for a categorical column. */
    static final int TOP_VALUES = 15;

    private StatisticsCharts() {
    }

    /** A bar per histogram bin, spanning the bin's edges. */
    static JFreeChart histogram(String column, Histogram histogram) {
        int bins = histogram.counts().length;
        double[] start = new double[bins];
        double[] end = new double[bins];
        double[] middle = new double[bins];
        for (int i = 0; i < bins; i++) {
            start[i] = histogram.edges()[i];
            end[i] = histogram.edges()[i + 1];
            middle[i] = (start[i] + end[i]) / 2;
        }
        double[] counts = histogram.counts();
        DefaultIntervalXYDataset dataset = new DefaultIntervalXYDataset();
        dataset.addSeries(column, new double[][] {middle, start, end, counts, counts, counts});
        JFreeChart chart = ChartFactory.createXYBarChart(column, column, false, "rows", dataset,
                PlotOrientation.VERTICAL, false, true, false);
        chart.getXYPlot().getRangeAxis().setLowerBound(0);
        return chart;
    }

    /** The most frequent values, as horizontal bars. */
    static JFreeChart topValues(String column, List<ValueCount> values) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ValueCount value : values.subList(0, Math.min(TOP_VALUES, values.size()))) {
            dataset.addValue(value.count(), "rows", value.value().isEmpty() ? "(empty)" : value.value());
        }
        return ChartFactory.createBarChart(column, "", "rows", dataset, PlotOrientation.HORIZONTAL,
                false, true, false);
    }
}
