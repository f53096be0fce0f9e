package me.adsby.workbench.app.compare;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.compare.ComparedRun;

/** Readable names for legends and headers: the run's name, with the end of its id when names repeat. */
final class RunNames {

    private RunNames() {
    }

    /** Run id -> display name, in the runs' order. */
    static Map<String, String> of(List<ComparedRun> runs) {
        Map<String, Integer> uses = new HashMap<>();
        runs.forEach(run -> uses.merge(run.name(), 1, Integer::sum));
        Map<String, String> names = new LinkedHashMap<>();
        for (ComparedRun run : runs) {
            String id = run.id();
            names.put(id, uses.get(run.name()) > 1 ? run.name() + " (" + id.substring(Math.max(0, id.length() - 4)) + ")"
                    : run.name());
        }
        return names;
    }
}
