package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.SchemaInEffect;

/** How {@code datasets schema} shows a schema in effect: a table for people, a document for scripts. */
final class SchemaText {

    private SchemaText() {
    }

    /** The JSON document: where the schema comes from, its columns, notes and problems. */
    record View(String uri, String origin, String savedFile, boolean savedNow, long rowsRead, List<Column> columns,
                List<String> notes, List<String> problems) {
    }

    /** One column, with the names that {@code --set} takes. */
    record Column(String name, String type, String role, String transform, String reason) {
    }

    static View view(SchemaInEffect inEffect, boolean savedNow) {
        List<Column> columns = inEffect.schema().columns().stream().map(c -> new Column(c.name(),
                SchemaEdits.lower(c.type()), SchemaEdits.lower(c.role()), SchemaEdits.lower(c.transform()),
                c.reason())).toList();
        return new View(inEffect.uri(), SchemaEdits.lower(inEffect.origin()),
                inEffect.savedFile() == null ? null : inEffect.savedFile().toString(), savedNow, inEffect.rowsRead(),
                columns, inEffect.notes(), inEffect.problems().stream().map(RowProblem::toString).toList());
    }

    static void print(PrintWriter out, SchemaInEffect inEffect, boolean savedNow) {
        if (savedNow) {
            out.printf("Schema of %s: saved to %s%n", inEffect.uri(), inEffect.savedFile());
        } else if (inEffect.saved()) {
            out.printf("Schema of %s: saved (%s)%n", inEffect.uri(), inEffect.savedFile());
        } else {
            out.printf(Locale.ROOT, "Schema of %s: inferred from all %,d rows (%s)%n", inEffect.uri(),
                    inEffect.rowsRead(), inEffect.savedFile() == null ? "none saved" : "the saved one is not used");
        }
        int width = Math.max(6, inEffect.schema().columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        String row = "%-" + width + "s  %-11s  %-8s  %-11s  %s";
        out.println(String.format(row, "column", "type", "role", "transform", "why"));
        for (ColumnSchema c : inEffect.schema().columns()) {
            out.println(String.format(row, c.name(), SchemaEdits.lower(c.type()), SchemaEdits.lower(c.role()),
                    c.type().numeric() ? SchemaEdits.lower(c.transform()) : "-", c.reason()).stripTrailing());
        }
        inEffect.notes().forEach(note -> out.println("Note: " + note));
        if (!inEffect.problems().isEmpty()) {
            out.println("Problems:");
            inEffect.problems().forEach(problem -> out.println("  " + problem));
        }
        out.flush();
    }
}
