package org.coreg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies flow one way: ui -> app -> registration, transform, points, io -> image -> ImgLib2. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.coreg");

    @Test
    void numericCoreNeverImportsJavaFx() {
        noClasses().that().resideInAnyPackage("org.coreg.image..", "org.coreg.io..", "org.coreg.transform..",
                        "org.coreg.registration..", "org.coreg.points..", "org.coreg.app..", "org.coreg.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void imageDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("org.coreg.image..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreg.io..", "org.coreg.transform..",
                        "org.coreg.registration..", "org.coreg.points..", "org.coreg.app..", "org.coreg.ui..",
                        "org.coreg.cli..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void enginePackagesDoNotReachUp() {
        noClasses().that().resideInAnyPackage("org.coreg.io..", "org.coreg.transform..", "org.coreg.registration..",
                        "org.coreg.points..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreg.app..", "org.coreg.ui..", "org.coreg.cli..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void onlyUiAndItsLauncherDependOnUi() {
        noClasses().that().resideOutsideOfPackages("org.coreg.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreg.ui..")
                .allowEmptyShould(true).check(CLASSES);
    }
}
