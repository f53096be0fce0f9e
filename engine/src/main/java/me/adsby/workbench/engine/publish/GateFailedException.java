package me.adsby.workbench.engine.publish;

/** The validation gate said no and nobody overrode it: nothing was written to the registry. */
public final class GateFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient GateReport report;

    public GateFailedException(GateReport report) {
        super("The validation gate failed, so nothing was published (override it with a written reason):\n"
                + report.toText());
        this.report = report;
    }

    public GateReport report() {
        return report;
    }
}
