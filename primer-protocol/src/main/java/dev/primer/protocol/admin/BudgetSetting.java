package dev.primer.protocol.admin;

/**
 * The body of {@code PUT /v1/budgets/roles/{role}} and {@code PUT /v1/budgets/users/{id}}.
 *
 * @param bytes the ceiling, in bytes, on what the role's or rep's devices are served
 */
public record BudgetSetting(long bytes) {}
