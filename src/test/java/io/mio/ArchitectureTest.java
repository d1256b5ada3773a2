package io.mio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of DESIGN.md honest. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.mio");
  }

  @Test
  void webcamAndManagementNeverImportEachOther() {
    noClasses().that().resideInAPackage("io.mio.webcam..")
        .should().dependOnClassesThat().resideInAPackage("io.mio.management..")
        .check(classes);
    noClasses().that().resideInAPackage("io.mio.management..")
        .should().dependOnClassesThat().resideInAPackage("io.mio.webcam..")
        .check(classes);
  }

  @Test
  void cameraDependsOnNothingAboveIt() {
    noClasses().that().resideInAPackage("io.mio.camera..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.mio.stream..", "io.mio.webcam..", "io.mio.management..", "io.mio.http..",
            "io.mio.net..", "io.mio.discovery..")
        .check(classes);
  }

  @Test
  void streamAndNetNeverImportTheWiring() {
    noClasses().that().resideInAnyPackage("io.mio.stream..", "io.mio.net..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.mio.webcam..", "io.mio.management..", "io.mio.discovery..")
        .check(classes);
    noClasses().that().resideInAnyPackage("io.mio.stream..", "io.mio.net..")
        .should().dependOnClassesThat().haveSimpleName("Main")
        .check(classes);
  }

  @Test
  void lowerLayersNeverImportTheLauncher() {
    noClasses().that().resideInAPackage("io.mio.*..")
        .should().dependOnClassesThat().resideInAPackage("io.mio")
        .check(classes);
  }
}
