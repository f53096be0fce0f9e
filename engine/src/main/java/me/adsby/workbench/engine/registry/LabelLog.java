package me.adsby.workbench.engine.registry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A model's label history, {@code <registry>/<model>/labels.json}: every move of a label, oldest first. The
 * registry keeps it beside the model so that another machine can roll back too. Immutable.
 */
public record LabelLog(List<LabelEvent> events) {

    public static final String FILE = "labels.json";
    public static final LabelLog EMPTY = new LabelLog(List.of());

    public LabelLog {
        events = events == null ? List.of() : List.copyOf(events);
    }

    LabelLog with(LabelEvent event) {
        List<LabelEvent> more = new ArrayList<>(events);
        more.add(event);
        return new LabelLog(more);
    }

    /**
     * The versions {@code production} pointed at, oldest first, with rollbacks undone: labelling pushes a
     * version, a rollback pops back to the version it restored.
     */
    public List<Long> productionStack() {
        Deque<Long> stack = new ArrayDeque<>();
        for (LabelEvent event : events) {
            if (!event.label().equals(Registry.PRODUCTION)) {
                continue;
            }
            if (event.action().equals("rollback")) {
                while (!stack.isEmpty() && stack.peekLast() != event.version()) {
                    stack.removeLast();
                }
                if (stack.isEmpty()) {
                    stack.addLast(event.version());
                }
            } else {
                stack.addLast(event.version());
            }
        }
        return List.copyOf(stack);
    }

    /** The version a rollback from {@code current} restores: the last production version before it, if any. */
    public Optional<Long> rollbackTarget(long current) {
        List<Long> stack = new ArrayList<>(productionStack());
        int at = stack.lastIndexOf(current);
        if (at >= 0) {
            stack = new ArrayList<>(stack.subList(0, at));
        }
        while (!stack.isEmpty() && stack.get(stack.size() - 1) == current) {
            stack.remove(stack.size() - 1);
        }
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1));
    }
}
