package me.adsby.workbench.app.runs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A feature column of the New Run form, and whether the run uses it. */
public final class FeatureChoice {

    private final String name;
    private final String type;
    private final BooleanProperty included = new SimpleBooleanProperty(true);

    public FeatureChoice(String name, String type, boolean include) {
        this.name = name;
        this.type = type;
        included.set(include);
    }

    public String name() {
        return name;
    }

    /** The column's inferred type, in words. */
    public String type() {
        return type;
    }

    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean included() {
        return included.get();
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
