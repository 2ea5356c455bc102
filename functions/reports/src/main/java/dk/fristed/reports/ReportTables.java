package dk.fristed.reports;

import dk.fristed.audit.AuditTrail;
import dk.fristed.config.Environment;
import dk.fristed.encryption.EncryptedTable;
import dk.fristed.records.invoice.InvoiceItem;
import dk.fristed.records.ledger.BudgetItem;
import dk.fristed.records.patient.PatientItem;
import dk.fristed.records.referral.ReferralItem;
import dk.fristed.records.visit.VisitItem;

import java.util.List;

/**
 * The table names template.yaml passes to the reports function. It reads the other functions' tables
 * (never writes them), keeps the open days in its own table, and appends to the audit trail.
 */
public record ReportTables(
        String patients,
        String visits,
        String referrals,
        String invoices,
        String budget,
        String openDays,
        String audit) {

    public static ReportTables fromEnvironment(Environment env) {
        return new ReportTables(
                env.require("PATIENTS_TABLE"),
                env.require("VISITS_TABLE"),
                env.require("REFERRALS_TABLE"),
                env.require("INVOICES_TABLE"),
                env.require("BUDGET_TABLE"),
                env.require("OPEN_DAYS_TABLE"),
                env.require(AuditTrail.TABLE_VARIABLE));
    }

    /** The tables whose records carry encrypted fields: the report decrypts what it counts (service, diagnoses, outcomes). */
    public List<EncryptedTable> encrypted() {
        return List.of(
                PatientItem.encryption(patients),
                VisitItem.encryption(visits),
                ReferralItem.encryption(referrals),
                InvoiceItem.encryption(invoices),
                BudgetItem.encryption(budget));
    }
}
