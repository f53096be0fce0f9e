package me.adsby.workbench.engine.publish;

/**
 * The rows production was judged on can no longer be read as they were (the dataset changed or is gone, or an
 * older card recorded only "the run's validation split" of a run this history lacks). Not a dead end: the
 * caller offers to name another dataset, on which both models are then judged. The message says why and ends
 * with that choice; the CLI and the app add where to name it.
 */
public final class EvaluationRowsUnavailableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    EvaluationRowsUnavailableException(String why) {
        super(why + "; name another dataset to judge both the candidate and production on");
    }
}
