package dev.primer.cpq.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.primer.cpq.catalogue.CatalogueException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule's CEL expression, compiled once. CEL has no loops, no side effects and no access to
 * anything but the variables given ({@code line}, {@code quote}, {@code account}), and its cost is
 * linear in the expression and the data, so expressions from records are safe to run (ADR 0011).
 */
final class RuleExpression {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          // has(), all(), exists(), exists_one(), map(), filter(): bounded by the lists they walk.
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("line", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("quote", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar("account", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

  private final String rule;
  private final String source;
  private final CelRuntime.Program program;

  private RuleExpression(String rule, String source, CelRuntime.Program program) {
    this.rule = rule;
    this.source = source;
    this.program = program;
  }

  /** Compiles {@code source}, or names the rule and what CEL found wrong. */
  static RuleExpression compile(String rule, String source) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
      return new RuleExpression(rule, source, RUNTIME.createProgram(ast));
    } catch (CelValidationException e) {
      throw new CatalogueException(
          rule + ": " + source + " is not a valid expression: " + firstLine(e.getMessage()), e);
    } catch (CelEvaluationException e) {
      throw new CatalogueException(rule + ": " + source + " cannot run: " + e.getMessage(), e);
    }
  }

  /** The rule's name, for violations. */
  String rule() {
    return rule;
  }

  /** A condition's value; anything but a boolean is a fault in the rule. */
  boolean holds(Map<String, ?> variables) throws RuleFault {
    Object value = evaluate(variables);
    if (value instanceof Boolean b) {
      return b;
    }
    throw new RuleFault(rule + ": " + source + " gave " + value + ", not true or false");
  }

  /** A rate in percent; anything but a number is a fault in the rule. */
  double percent(Map<String, ?> variables) throws RuleFault {
    Object value = evaluate(variables);
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new RuleFault(rule + ": " + source + " gave " + value + ", not a number");
  }

  private Object evaluate(Map<String, ?> variables) throws RuleFault {
    try {
      return program.eval(variables);
    } catch (CelEvaluationException e) {
      throw new RuleFault(rule + ": " + source + " failed: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(@Nullable String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A rule that cannot be evaluated on this quote: the quote is not valid. */
  static final class RuleFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    RuleFault(String reason) {
      super(reason);
      this.reason = reason;
    }

    /** What failed, never null (unlike {@link #getMessage()}). */
    String reason() {
      return reason;
    }
  }
}
