package dev.primer.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every side of the wire carries the protocol module, so it carries nothing but Jackson. */
@AnalyzeClasses(
    packages = "dev.primer.protocol",
    importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule protocolUsesOnlyTheJdkAndJackson =
      classes()
          .that()
          .resideInAPackage("dev.primer.protocol..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.primer.protocol..", "java..", "javax.net..", "com.fasterxml.jackson..");
}
