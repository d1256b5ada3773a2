package io.mio.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that builds a {@link Lan}: tagged {@code lan} (so a laptop can exclude it)
 * and skipped, with the reason, where this process cannot create network namespaces.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("lan")
@ExtendWith(NeedsLan.Check.class)
public @interface NeedsLan {

  /** Skips the class with {@link Lan#unavailableReason()} when namespaces cannot be made. */
  final class Check implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return Lan.available()
          ? ConditionEvaluationResult.enabled("network namespaces available")
          : ConditionEvaluationResult.disabled(Lan.unavailableReason());
    }
  }
}
