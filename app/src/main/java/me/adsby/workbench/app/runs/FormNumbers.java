package me.adsby.workbench.app.runs;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.StringProperty;

/** Reads the numbers typed in a form's fields, with an error that names the field and what was typed. */
final class FormNumbers {

    private FormNumbers() {
    }

    /** Layer widths separated by commas, such as {@code 64,32}. */
    static List<Integer> layerWidths(StringProperty hiddenUnits) {
        String typed = hiddenUnits.get() == null ? "" : hiddenUnits.get().strip();
        try {
            return Arrays.stream(typed.split("\\s*,\\s*")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Hidden units must be layer widths separated by commas, such as 64,32; "
                    + "was '" + typed + "'");
        }
    }

    static int whole(String field, StringProperty text) {
        long value = wholeLong(field, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " is too large: " + value);
        }
        return (int) value;
    }

    static long wholeLong(String field, StringProperty text) {
        String typed = text.get() == null ? "" : text.get().strip();
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + typed + "'");
        }
    }

    static float decimal(String field, StringProperty text) {
        return (float) number(field, text);
    }

    static double number(String field, StringProperty text) {
        String typed = text.get() == null ? "" : text.get().strip();
        try {
            double value = Double.parseDouble(typed);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(typed);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number such as 0.001, was '" + typed + "'");
        }
    }

    /** A share strictly between 0 and 1. */
    static double fraction(String field, StringProperty text) {
        double value = number(field, text);
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 (exclusive), was " + text.get().strip());
        }
        return value;
    }
}
