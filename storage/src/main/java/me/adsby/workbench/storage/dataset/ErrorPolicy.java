package me.adsby.workbench.storage.dataset;

/**
 * What a reader does with bad rows. Either way no row is dropped silently: every row is used or counted as
 * bad with its problem. Fatal problems ({@link ProblemKind#fatal()}) stop reading under any policy.
 *
 * @param maxProblems stop once this many problems were seen; {@code Long.MAX_VALUE} to skip and count all
 */
public record ErrorPolicy(long maxProblems) {

    public ErrorPolicy {
        if (maxProblems < 1) {
            throw new IllegalArgumentException("maxProblems must be >= 1, was " + maxProblems);
        }
    }

    /** Stop at the first bad row. */
    public static ErrorPolicy failFast() {
        return new ErrorPolicy(1);
    }

    /** Stop once {@code n} problems were seen. */
    public static ErrorPolicy stopAfter(long n) {
        return new ErrorPolicy(n);
    }

    /** Skip bad rows and count them; never stop except at fatal problems. */
    public static ErrorPolicy skipAndCount() {
        return new ErrorPolicy(Long.MAX_VALUE);
    }

    /** Whether reading stops now that {@code problems} problems were seen. */
    public boolean stopsAt(long problems) {
        return problems >= maxProblems;
    }
}
