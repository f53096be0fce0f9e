package me.adsby.workbench.engine.eval;

/**
 * A curve for plotting, as points joined by straight lines: the ROC curve (false positive rate, true positive
 * rate) or the precision–recall staircase (recall, precision). Each is built so that its trapezoid area is its
 * metric exactly: the ROC AUC, and the average precision (the staircase's vertical drops add no area).
 *
 * @param x            abscissae, non-decreasing
 * @param y            ordinates
 * @param maxDeviation the largest distance from a point of the full curve to the drawn one (0 when no point
 *                     that changes the shape was dropped)
 */
public record Curve(double[] x, double[] y, double maxDeviation) {

    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x but " + y.length + " y");
        }
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return x.length;
    }

    public double x(int point) {
        return x[point];
    }

    public double y(int point) {
        return y[point];
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The area under the curve by the trapezoid rule. */
    public double area() {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }

    /** The curve's length (the sum of its segments' lengths). */
    public double length() {
        double length = 0;
        for (int i = 1; i < x.length; i++) {
            length += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
        }
        return length;
    }

    /** At most {@code maxPoints} points that keep the shape; see {@link CurveDownsampler}. */
    public Curve downsample(int maxPoints) {
        return CurveDownsampler.downsample(this, maxPoints);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Curve c && java.util.Arrays.equals(x, c.x) && java.util.Arrays.equals(y, c.y)
                && Double.compare(maxDeviation, c.maxDeviation) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(x) + java.util.Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Curve[" + x.length + " points, maxDeviation=" + maxDeviation + "]";
    }
}
