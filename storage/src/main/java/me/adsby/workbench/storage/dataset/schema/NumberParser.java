package me.adsby.workbench.storage.dataset.schema;

/**
 * Parses decimal numbers without exceptions or allocation on the usual path: optional blanks and sign,
 * digits, an optional fraction and an optional exponent ({@code -12}, {@code 3.25}, {@code 1e-3}). Up to 15
 * significant digits with a small exponent are converted exactly and correctly rounded (Clinger's fast path:
 * both the integer and the power of ten are exact doubles); anything longer is checked here and converted by
 * {@link Double#parseDouble}. {@code inf}, hexadecimal and {@code NaN} are not numbers here (NaN is missing,
 * see {@link Values}). One instance per thread.
 */
public final class NumberParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private double value;
    private boolean integral;

    /** The value of the last successful {@link #parse}. */
    public double value() {
        return value;
    }

    /** Whether the last parsed number had neither a fraction nor an exponent. */
    public boolean integral() {
        return integral;
    }

    /** Parses {@code text}; returns false (and leaves {@link #value} undefined) when it is not a number. */
    public boolean parse(String text) {
        int end = text.length();
        int i = 0;
        while (i < end && text.charAt(i) <= ' ') {
            i++;
        }
        while (end > i && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (i == end) {
            return false;
        }
        int start = i;
        boolean negative = false;
        char c = text.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int scale = 0;
        for (; i < end && (c = text.charAt(i)) >= '0' && c <= '9'; i++, digits++) {
            if (significant < 18) {
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
            } else {
                scale++;
                significant++;
            }
        }
        boolean fraction = false;
        if (i < end && text.charAt(i) == '.') {
            fraction = true;
            i++;
            for (; i < end && (c = text.charAt(i)) >= '0' && c <= '9'; i++, digits++) {
                if (significant < 18) {
                    if (mantissa != 0 || c != '0') {
                        significant++;
                    }
                    mantissa = mantissa * 10 + (c - '0');
                    scale--;
                } else {
                    significant++;
                }
            }
        }
        if (digits == 0) {
            return false;
        }
        int exponent = 0;
        boolean hasExponent = false;
        if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            hasExponent = true;
            i++;
            boolean negativeExponent = false;
            if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < end && (c = text.charAt(i)) >= '0' && c <= '9'; i++, expDigits++) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c - '0');
                }
            }
            if (expDigits == 0) {
                return false;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != end) {
            return false;
        }
        integral = !fraction && !hasExponent;
        int power = scale + exponent;
        if (significant <= 15 && Math.abs(power) <= 22) {
            double m = mantissa;
            value = power >= 0 ? m * POWERS_OF_TEN[power] : m / POWERS_OF_TEN[-power];
        } else {
            value = Double.parseDouble(text.substring(start, end));
        }
        if (negative) {
            value = -value;
        }
        return true;
    }
}
