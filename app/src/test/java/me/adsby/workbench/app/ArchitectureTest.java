package me.adsby.workbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of src/docs/architecture.md: dependencies point app -> engine -> storage, JavaFX in app only. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("me.adsby.workbench");
    }

    @Test
    void theRulesSeeClassesOfEveryModule() {
        // A rule over no classes passes vacuously; make sure each module was imported.
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("me.adsby.workbench.storage")))
                .hasSizeGreaterThan(5);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("me.adsby.workbench.engine")))
                .hasSizeGreaterThan(5);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("me.adsby.workbench.app")))
                .hasSizeGreaterThan(5);
    }

    @Test
    void storageDependsOnNeitherEngineNorApp() {
        noClasses().that().resideInAPackage("me.adsby.workbench.storage..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("me.adsby.workbench.engine..", "me.adsby.workbench.app..")
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnApp() {
        noClasses().that().resideInAPackage("me.adsby.workbench.engine..")
                .should().dependOnClassesThat().resideInAPackage("me.adsby.workbench.app..")
                .check(classes);
    }

    @Test
    void onlyTheAppUsesJavaFx() {
        noClasses().that().resideInAnyPackage("me.adsby.workbench.storage..", "me.adsby.workbench.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(classes);
    }

    @Test
    void viewsStartNoThreadsOfTheirOwn() {
        // Background work goes through the TaskExecutor (app.task); see src/docs/architecture.md.
        noClasses().that().resideInAPackage("me.adsby.workbench.app..")
                .and().resideOutsideOfPackage("me.adsby.workbench.app.task..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .check(classes);
    }
}
