package dev.primer.service.storable;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Storable}: a text without U+0000. */
public class StorableValidator implements ConstraintValidator<Storable, String> {
  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || value.indexOf('\0') < 0;
  }
}
