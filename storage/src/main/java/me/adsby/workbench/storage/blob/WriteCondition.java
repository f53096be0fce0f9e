package me.adsby.workbench.storage.blob;

/**
 * When a write, copy or delete may happen: always, only if no object exists yet, or only if the object's
 * generation is still the one the caller read (optimistic concurrency: two writers never lose each other's
 * change). A failed condition throws {@link PreconditionFailedException}.
 */
public sealed interface WriteCondition {

    WriteCondition NONE = new Always();
    WriteCondition IF_ABSENT = new IfAbsent();

    static WriteCondition ifGenerationMatches(long generation) {
        return new IfGenerationMatches(generation);
    }

    record Always() implements WriteCondition {
    }

    record IfAbsent() implements WriteCondition {
    }

    record IfGenerationMatches(long generation) implements WriteCondition {
    }
}
