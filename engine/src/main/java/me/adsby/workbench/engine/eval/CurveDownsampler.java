package me.adsby.workbench.engine.eval;

import java.util.PriorityQueue;

/**
 * Ramer–Douglas–Peucker with a point budget: starting from the two end points, repeatedly keeps the point of
 * the full curve that lies farthest from the curve drawn so far, until the budget is spent or every dropped
 * point lies within {@link #TOLERANCE} of the drawn curve. The points kept are points of the full curve, so
 * the drawn curve never invents a corner; with a budget large enough only points on straight stretches are
 * dropped.
 *
 * <p>Area: every dropped stretch of the full curve lies within {@code d =} {@link Curve#maxDeviation()} of the
 * chord that replaces it, inside that chord's d-neighbourhood, so the area under the drawn curve differs from
 * the full one by at most {@code d x (L + pi d / 2)}, L the drawn curve's length (at most 2 for a ROC curve,
 * a monotone path across the unit square).
 */
public final class CurveDownsampler {

    /** Points this close to the drawn curve are on it. */
    public static final double TOLERANCE = 1e-12;

    /** The default budget for a plotted curve. */
    public static final int DEFAULT_MAX_POINTS = 500;

    private CurveDownsampler() {
    }

    public static Curve downsample(Curve curve, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a curve needs at least 2 points, asked for " + maxPoints);
        }
        int n = curve.size();
        if (n <= 2) {
            return curve;
        }
        double[] x = curve.x();
        double[] y = curve.y();
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int kept = 2;
        PriorityQueue<Segment> queue = new PriorityQueue<>((a, b) -> Double.compare(b.distance, a.distance));
        offer(queue, x, y, 0, n - 1);
        while (kept < maxPoints && !queue.isEmpty() && queue.peek().distance > TOLERANCE) {
            Segment farthest = queue.poll();
            keep[farthest.farthest] = true;
            kept++;
            offer(queue, x, y, farthest.from, farthest.farthest);
            offer(queue, x, y, farthest.farthest, farthest.to);
        }
        double deviation = queue.isEmpty() ? 0 : Math.max(0, queue.peek().distance);
        double[] keptX = new double[kept];
        double[] keptY = new double[kept];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                // A kept point on the straight line between its kept neighbours (a tie for farthest along a straight
                // stretch) is dropped again: the line stays within TOLERANCE of it.
                if (at >= 2 && distanceToSegment(keptX[at - 1], keptY[at - 1], keptX[at - 2], keptY[at - 2], x[i], y[i])
                        <= TOLERANCE) {
                    at--;
                    deviation = Math.max(deviation, 2 * TOLERANCE);
                }
                keptX[at] = x[i];
                keptY[at] = y[i];
                at++;
            }
        }
        return new Curve(java.util.Arrays.copyOf(keptX, at), java.util.Arrays.copyOf(keptY, at),
                curve.maxDeviation() + deviation);
    }

    private static void offer(PriorityQueue<Segment> queue, double[] x, double[] y, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int farthest = -1;
        double distance = -1;
        for (int i = from + 1; i < to; i++) {
            double d = distanceToSegment(x[i], y[i], x[from], y[from], x[to], y[to]);
            if (d > distance) {
                distance = d;
                farthest = i;
            }
        }
        queue.add(new Segment(from, to, farthest, distance));
    }

    /** The Euclidean distance from (px, py) to the segment from (ax, ay) to (bx, by). */
    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    private record Segment(int from, int to, int farthest, double distance) {
    }
}
