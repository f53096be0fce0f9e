package me.adsby.workbench.storage.dataset.schema;

/**
 * How cells are read, the same everywhere (inference, validation, preview, statistics).
 * <ul>
 * <li><b>Missing</b>: an empty or all-blank cell, or (case-insensitive, surrounding blanks ignored) {@code NA},
 * {@code N/A}, {@code null}, {@code NaN}. Missing cells are counted as missing, never as type violations.</li>
 * <li><b>Binary</b>: {@code 0/1}, {@code true/false}, {@code yes/no}, case-insensitive, surrounding blanks
 * ignored.</li>
 * <li><b>Image</b>: ends with {@code .png}, {@code .jpg} or {@code .jpeg} (case-insensitive), as a relative
 * path or a {@code gs://} URI.</li>
 * </ul>
 */
public final class Values {

    /** {@link #binary} of a value that is not binary. */
    public static final int NOT_BINARY = -1;

    private Values() {
    }

    public static boolean isMissing(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        int n = end - start;
        switch (n) {
            case 0:
                return true;
            case 2:
                return value.regionMatches(true, start, "NA", 0, 2);
            case 3:
                return value.regionMatches(true, start, "N/A", 0, 3) || value.regionMatches(true, start, "NaN", 0, 3);
            case 4:
                return value.regionMatches(true, start, "null", 0, 4);
            default:
                return false;
        }
    }

    /** 1 for 1/true/yes, 0 for 0/false/no (case-insensitive, blanks around ignored), else {@link #NOT_BINARY}. */
    public static int binary(String value) {
        String v = value.strip();
        switch (v.length()) {
            case 1:
                return v.charAt(0) == '1' ? 1 : v.charAt(0) == '0' ? 0 : NOT_BINARY;
            case 2:
                return v.equalsIgnoreCase("no") ? 0 : NOT_BINARY;
            case 3:
                return v.equalsIgnoreCase("yes") ? 1 : NOT_BINARY;
            case 4:
                return v.equalsIgnoreCase("true") ? 1 : NOT_BINARY;
            case 5:
                return v.equalsIgnoreCase("false") ? 0 : NOT_BINARY;
            default:
                return NOT_BINARY;
        }
    }

    public static boolean isImage(String value) {
        String v = value.strip();
        return endsWithIgnoreCase(v, ".png") || endsWithIgnoreCase(v, ".jpg") || endsWithIgnoreCase(v, ".jpeg");
    }

    private static boolean endsWithIgnoreCase(String value, String suffix) {
        return value.length() > suffix.length()
                && value.regionMatches(true, value.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
