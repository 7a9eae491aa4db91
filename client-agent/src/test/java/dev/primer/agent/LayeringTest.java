package dev.primer.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The agent runs on a device: it speaks the protocol module, never the service's code. */
@AnalyzeClasses(packages = "dev.primer.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule agentNeverUsesQuarkusJaxRsOrTheService =
      noClasses()
          .that()
          .resideInAPackage("dev.primer.agent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.quarkus..", "jakarta.ws.rs..", "dev.primer.service..");
}
