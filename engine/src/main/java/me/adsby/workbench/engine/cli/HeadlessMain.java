package me.adsby.workbench.engine.cli;

/** The command line without the desktop app: what worker processes run. */
public final class HeadlessMain {

    private HeadlessMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(WorkbenchCli.run(null, home -> { }, args));
    }
}
