package me.adsby.workbench.engine.format;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers for people: whole numbers as they are, others to four significant digits without trailing zeros. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 14.3345 -> "14.33"}, {@code 0.0700 -> "0.07"}, {@code 2000.0 -> "2000"}, NaN {@code -> "–"}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 && Math.abs(value) < 1e15 ? rounded.toPlainString() : rounded.toString();
    }
}
