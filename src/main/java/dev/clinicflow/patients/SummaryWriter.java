package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.clinicflow.patients.PatientSummary.NoShowRisk;

/**
 * Writes a patient summary from the record, deterministically: the same data always gives
 * the same text. Portuguese for tenants whose locale is Portuguese, English otherwise.
 */
final class SummaryWriter {

	private SummaryWriter() {
	}

	static PatientSummary write(PatientView patient, String locale, ZoneId zone, LocalDate today) {
		boolean pt = locale.toLowerCase(Locale.ROOT).startsWith("pt");
		DateTimeFormatter dates = DateTimeFormatter.ofPattern(pt ? "dd/MM/yyyy" : "yyyy-MM-dd");
		Integer age = (patient.birthDate() != null) ? Period.between(patient.birthDate(), today).getYears() : null;
		List<String> sentences = new ArrayList<>();
		StringBuilder who = new StringBuilder(name(patient));
		if (age != null) {
			who.append(", ").append(age).append(pt ? " anos" : " years old");
		}
		if (patient.gender() != null && patient.gender() != Gender.UNKNOWN) {
			who.append(", ").append(gender(patient.gender(), pt));
		}
		sentences.add(who.toString());
		sentences.add(list(pt ? "Condições" : "Conditions", patient.conditions(),
				pt ? "Sem condições registradas" : "No recorded conditions"));
		sentences.add(list(pt ? "Alergias" : "Allergies", patient.allergies(),
				pt ? "Sem alergias registradas" : "No recorded allergies"));
		sentences.add(plan(patient, pt, dates));
		sentences.add(visits(patient, pt, dates, zone));
		NoShowRisk risk = risk(patient.analytics());
		sentences.add(riskSentence(risk, patient.analytics().noShowRate(), pt));
		return new PatientSummary(String.join(". ", sentences) + ".", pt ? "pt-BR" : "en", age, patient.conditions(),
				patient.allergies(), risk);
	}

	static NoShowRisk risk(PatientView.Analytics analytics) {
		int due = analytics.completed() + analytics.noShows();
		if (due < 3) {
			return NoShowRisk.UNKNOWN;
		}
		double rate = analytics.noShowRate().doubleValue();
		return (rate < 0.10) ? NoShowRisk.LOW : (rate <= 0.25) ? NoShowRisk.MEDIUM : NoShowRisk.HIGH;
	}

	private static String name(PatientView patient) {
		return (patient.socialName() != null) ? patient.socialName() + " (" + patient.fullName() + ")"
				: patient.fullName();
	}

	private static String gender(Gender gender, boolean pt) {
		return switch (gender) {
			case FEMALE -> pt ? "feminino" : "female";
			case MALE -> pt ? "masculino" : "male";
			default -> pt ? "outro gênero" : "other gender";
		};
	}

	private static String list(String label, List<String> items, String none) {
		return items.isEmpty() ? none : label + ": " + String.join(", ", items);
	}

	private static String plan(PatientView patient, boolean pt, DateTimeFormatter dates) {
		PatientParts.HealthPlan plan = patient.healthPlan();
		if (plan == null || plan.provider() == null) {
			return pt ? "Sem plano de saúde registrado" : "No health plan on record";
		}
		String name = plan.provider() + ((plan.planName() != null) ? " " + plan.planName() : "");
		if (plan.validUntil() == null) {
			return (pt ? "Plano: " : "Health plan: ") + name;
		}
		return (pt ? "Plano: " : "Health plan: ") + name + (pt ? " (válido até " : " (valid until ")
				+ dates.format(plan.validUntil()) + ")";
	}

	private static String visits(PatientView patient, boolean pt, DateTimeFormatter dates, ZoneId zone) {
		PatientView.Analytics a = patient.analytics();
		if (a.totalAppointments() == 0) {
			return pt ? "Nenhuma consulta registrada" : "No appointments on record";
		}
		StringBuilder text = new StringBuilder();
		text.append(a.totalAppointments())
			.append(pt ? " consultas, " : " appointments, ")
			.append(a.completed())
			.append(pt ? " realizadas, " : " completed, ")
			.append(a.cancelled())
			.append(pt ? " canceladas" : " cancelled");
		if (a.lastVisitAt() != null) {
			text.append(pt ? "; última visita em " : "; last visit on ")
				.append(dates.format(LocalDate.ofInstant(a.lastVisitAt(), zone)));
		}
		if (a.nextAppointmentAt() != null) {
			text.append(pt ? "; próxima em " : "; next on ")
				.append(dates.format(LocalDate.ofInstant(a.nextAppointmentAt(), zone)));
		}
		return text.toString();
	}

	private static String riskSentence(NoShowRisk risk, @Nullable BigDecimal rate, boolean pt) {
		if (risk == NoShowRisk.UNKNOWN) {
			return pt ? "Risco de falta: histórico insuficiente" : "No-show risk: not enough history";
		}
		String level = switch (risk) {
			case LOW -> pt ? "baixo" : "low";
			case MEDIUM -> pt ? "médio" : "medium";
			default -> pt ? "alto" : "high";
		};
		int percent = (rate != null) ? rate.movePointRight(2).intValue() : 0;
		return (pt ? "Risco de falta: " : "No-show risk: ") + level + " (" + percent + "%)";
	}

}
