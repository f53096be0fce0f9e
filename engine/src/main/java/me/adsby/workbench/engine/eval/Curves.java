package me.adsby.workbench.engine.eval;

import java.util.Arrays;

/**
 * The full ROC and precision–recall curves from the sorted order, one point per distinct score, without the
 * points that lie exactly on a straight stretch (decided on integer counts for the ROC curve, so exactly).
 */
final class Curves {

    private Curves() {
    }

    /** (false positive rate, true positive rate) from (0, 0) to (1, 1); null without both classes. */
    static Curve roc(SortedPredictions sorted) {
        long positives = 0;
        for (boolean label : sorted.labels) {
            positives += label ? 1 : 0;
        }
        long negatives = sorted.size() - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        Points points = new Points();
        points.addExactly(0, 0);
        long tp = 0;
        long fp = 0;
        double[] scores = sorted.scores;
        int k = 0;
        while (k < scores.length) {
            double score = scores[k];
            while (k < scores.length && scores[k] == score) {
                if (sorted.labels[k]) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            points.addExactly(fp, tp);
        }
        double[] x = new double[points.size];
        double[] y = new double[points.size];
        for (int i = 0; i < points.size; i++) {
            x[i] = (double) points.a[i] / negatives;
            y[i] = (double) points.b[i] / positives;
        }
        return new Curve(x, y, 0);
    }

    /**
     * The staircase (recall, precision): from (0, 1), at each distinct score a drop to the precision there,
     * then a step right to the recall there. Its trapezoid area is the average precision. Null without positives.
     */
    static Curve precisionRecall(SortedPredictions sorted) {
        long positives = 0;
        for (boolean label : sorted.labels) {
            positives += label ? 1 : 0;
        }
        if (positives == 0) {
            return null;
        }
        Staircase stairs = new Staircase();
        stairs.add(0, 1);
        long tp = 0;
        long fp = 0;
        double recall = 0;
        double[] scores = sorted.scores;
        int k = 0;
        while (k < scores.length) {
            double score = scores[k];
            while (k < scores.length && scores[k] == score) {
                if (sorted.labels[k]) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            double precision = (double) tp / (tp + fp);
            stairs.add(recall, precision);
            recall = (double) tp / positives;
            stairs.add(recall, precision);
        }
        return new Curve(Arrays.copyOf(stairs.x, stairs.size), Arrays.copyOf(stairs.y, stairs.size), 0);
    }

    /** Integer points; a point that continues the last segment's direction replaces the segment's end. */
    private static final class Points {
        long[] a = new long[64];
        long[] b = new long[64];
        int size;

        void addExactly(long x, long y) {
            if (size >= 2) {
                long dx1 = a[size - 1] - a[size - 2];
                long dy1 = b[size - 1] - b[size - 2];
                long dx2 = x - a[size - 1];
                long dy2 = y - b[size - 1];
                if (dx1 * dy2 == dy1 * dx2 && dx1 * dx2 + dy1 * dy2 >= 0) {
                    a[size - 1] = x;
                    b[size - 1] = y;
                    return;
                }
            }
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
            }
            a[size] = x;
            b[size] = y;
            size++;
        }
    }

    /**
     * Points of a staircase; repeated points and the middles of straight runs (vertical in one direction, or
     * horizontal) are left out.
     */
    private static final class Staircase {
        double[] x = new double[64];
        double[] y = new double[64];
        int size;

        void add(double px, double py) {
            if (size >= 1 && x[size - 1] == px && y[size - 1] == py) {
                return;
            }
            boolean vertical = size >= 2 && x[size - 2] == x[size - 1] && x[size - 1] == px
                    && (y[size - 1] - y[size - 2]) * (py - y[size - 1]) >= 0;
            boolean horizontal = size >= 2 && y[size - 2] == y[size - 1] && y[size - 1] == py;
            if (vertical || horizontal) {
                x[size - 1] = px;
                y[size - 1] = py;
                return;
            }
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                y = Arrays.copyOf(y, size * 2);
            }
            x[size] = px;
            y[size] = py;
            size++;
        }
    }
}
