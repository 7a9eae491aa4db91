package dev.primer.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ViolationFieldsTest {
  record Body(@NotBlank String name, List<@Size(max = 2) String> ids) {}

  static class Service {
    void enrol(@jakarta.validation.Valid Body body, @NotBlank String userId) {}
  }

  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static List<String> fields(Object... args) throws NoSuchMethodException {
    Method enrol = Service.class.getDeclaredMethod("enrol", Body.class, String.class);
    return VALIDATOR.forExecutables().validateParameters(new Service(), enrol, args).stream()
        .map(ViolationMappers::field)
        .sorted()
        .toList();
  }

  @Test
  void fieldsAreNamedAsTheClientWroteThemWithoutTheJavaMethod() throws Exception {
    assertThat(fields(new Body(" ", List.of("ok", "too long")), ""))
        .containsExactly("ids[1]", "name", "userId");
  }
}
