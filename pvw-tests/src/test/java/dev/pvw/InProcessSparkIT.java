package dev.pvw;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every suite that runs Spark in the test JVM, run in one JVM: Spark starts, and the JIT compiles its planner, once per
 * build rather than in each test JVM that meets a Spark suite. In the fast tier failsafe leaves these classes out on
 * their own ({@code pvw-tests/pom.xml}) and runs its classes in alphabetical order, so that this one, the longest,
 * starts first (a class of {@code dev.pvw} sorts before those of its packages) and the other JVM takes the rest
 * meanwhile. The full tier, whose Spark tests are many more, leaves this one out instead and runs them in both JVMs. A
 * new {@code Spark*IT} or test of {@code dev.pvw.engine.spark} joins it by its name.
 */
@Suite
@SelectPackages("dev.pvw")
@IncludeClassNamePatterns({"^dev\\.pvw\\.[a-z.]+\\.Spark\\w*IT$", "^dev\\.pvw\\.engine\\.spark\\.\\w+IT$"})
class InProcessSparkIT {}
