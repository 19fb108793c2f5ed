package dev.pvw.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * On a subclass of a shared suite whose engine is slow to run every test on (Spark: seconds a run), the tests that
 * run in the fast tier ({@code mvn verify}); the full tier ({@code -Pfull}) runs them all. See DEVELOPMENT.md.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(FastTierSample.Condition.class)
public @interface FastTierSample {
    /** The names of the test methods that run in the fast tier. */
    String[] value();

    /** Skips, in the fast tier, every test the class's sample does not name. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<FastTierSample> sample = context.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, FastTierSample.class));
            if (TestTier.full() || sample.isEmpty() || context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("every test runs");
            }
            String name = context.getRequiredTestMethod().getName();
            return Arrays.asList(sample.get().value()).contains(name)
                    ? ConditionEvaluationResult.enabled("in the fast tier's sample")
                    : ConditionEvaluationResult.disabled("full tier only (-Pfull) on this engine");
        }
    }
}
