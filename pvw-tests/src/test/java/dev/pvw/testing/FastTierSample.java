package dev.pvw.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
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
    /** The names of the test methods that run in the fast tier; none skips the whole class there. */
    String[] value();

    /** Skips, in the fast tier, every test the class's sample does not name. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<FastTierSample> sample = sampleOf(context);
            if (TestTier.full() || sample.isEmpty()) {
                return ConditionEvaluationResult.enabled("every test runs");
            }
            List<String> names = Arrays.asList(sample.get().value());
            if (context.getTestMethod().isEmpty()) {
                // A class none of whose tests is sampled is skipped whole, so that its set-up (runs, on Spark) is too.
                return context.getTestClass()
                                .filter(type -> holdsSampled(type, names))
                                .isPresent()
                        ? ConditionEvaluationResult.enabled("holds tests of the fast tier's sample")
                        : ConditionEvaluationResult.disabled("full tier only (-Pfull) on this engine");
            }
            String name = context.getRequiredTestMethod().getName();
            return names.contains(name)
                    ? ConditionEvaluationResult.enabled("in the fast tier's sample")
                    : ConditionEvaluationResult.disabled("full tier only (-Pfull) on this engine");
        }

        /** Whether the class, its superclasses or its {@code @Nested} classes declare a test method named in the sample. */
        private static boolean holdsSampled(Class<?> type, List<String> names) {
            for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
                if (Arrays.stream(each.getDeclaredMethods()).anyMatch(method -> names.contains(method.getName()))) {
                    return true;
                }
                if (Arrays.stream(each.getDeclaredClasses())
                        .filter(nested -> AnnotationSupport.isAnnotated(nested, Nested.class))
                        .anyMatch(nested -> holdsSampled(nested, names))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The sample of the test's class or of a class enclosing it: a {@code @Nested} class of a shared suite is
         * declared in the abstract suite, so only its enclosing engine subclass carries the annotation.
         */
        private static Optional<FastTierSample> sampleOf(ExtensionContext context) {
            for (Optional<ExtensionContext> each = Optional.of(context);
                    each.isPresent();
                    each = each.get().getParent()) {
                Optional<FastTierSample> sample = each.get()
                        .getTestClass()
                        .flatMap(type -> AnnotationSupport.findAnnotation(type, FastTierSample.class));
                if (sample.isPresent()) {
                    return sample;
                }
            }
            return Optional.empty();
        }
    }
}
