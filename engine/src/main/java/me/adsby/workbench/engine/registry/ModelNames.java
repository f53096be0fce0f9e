package me.adsby.workbench.engine.registry;

import java.util.regex.Pattern;

/** Registry model names: 1 to 64 letters, digits, {@code _} or {@code -}, so a name is always one safe folder. */
public final class ModelNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ModelNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /**
     * Returns the name when it is valid.
     *
     * @throws IllegalArgumentException saying what a name may hold
     */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a model name: use 1 to 64 letters, digits, '_' or '-'"
                    + " (no '/', '.' or spaces)");
        }
        return name;
    }
}
