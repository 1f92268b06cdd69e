package dev.wgtui.core.session;

import dev.wgtui.core.plan.Plan;
import dev.wgtui.core.plan.Validation;

/**
 * What an apply or restore did: whether it wrote, the backup it took, the validation after,
 * and whether that validation failed and the backup was put back.
 */
public record ApplyOutcome(Plan plan, boolean written, String backupName, Validation.Report validation,
                           boolean rolledBack) {

    public boolean ok() {
        return !rolledBack && validation.passed();
    }
}
