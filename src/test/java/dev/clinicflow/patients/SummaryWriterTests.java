package dev.clinicflow.patients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.clinicflow.patients.PatientSummary.NoShowRisk;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryWriterTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@Test
	void writesPortugueseForPortugueseTenants() {
		PatientSummary summary = SummaryWriter.write(patient(analytics(12, 10, 1, 1, "0.0909")), "pt-BR", SAO_PAULO,
				LocalDate.parse("2026-11-22"));
		assertThat(summary.text()).isEqualTo("Bia (Beatriz Lima), 46 anos, feminino. Condições: Asma. "
				+ "Sem alergias registradas. Plano: Amil (válido até 30/06/2027). "
				+ "12 consultas, 10 realizadas, 1 canceladas; última visita em 01/10/2026. Risco de falta: baixo (9%).");
		assertThat(summary.age()).isEqualTo(46);
		assertThat(summary.noShowRisk()).isEqualTo(NoShowRisk.LOW);
	}

	@Test
	void writesEnglishOtherwise() {
		PatientSummary summary = SummaryWriter.write(patient(analytics(4, 2, 0, 2, "0.5")), "en-US", SAO_PAULO,
				LocalDate.parse("2026-11-22"));
		assertThat(summary.text()).contains("46 years old, female", "Conditions: Asma", "No recorded allergies",
				"Health plan: Amil (valid until 2027-06-30)", "No-show risk: high (50%)");
		assertThat(summary.language()).isEqualTo("en");
	}

	@Test
	void riskNeedsAtLeastThreeAppointmentsDue() {
		assertThat(SummaryWriter.risk(analytics(2, 1, 0, 1, "0.5"))).isEqualTo(NoShowRisk.UNKNOWN);
		assertThat(SummaryWriter.risk(analytics(10, 8, 0, 2, "0.2"))).isEqualTo(NoShowRisk.MEDIUM);
		assertThat(SummaryWriter.risk(analytics(10, 7, 0, 3, "0.3"))).isEqualTo(NoShowRisk.HIGH);
	}

	private static PatientView.Analytics analytics(int total, int completed, int cancelled, int noShows, String rate) {
		return new PatientView.Analytics(total, completed, cancelled, noShows, new BigDecimal(rate), BigDecimal.ZERO,
				Instant.parse("2026-10-01T15:00:00Z"), null);
	}

	private static PatientView patient(PatientView.Analytics analytics) {
		return new PatientView(UUID.randomUUID(), "Beatriz Lima", "Bia", null, LocalDate.parse("1980-05-17"),
				Gender.FEMALE, null, List.of(), null,
				new PatientParts.HealthPlan("Amil", null, null, LocalDate.parse("2027-06-30")), List.of(),
				List.of("Asma"), List.of(), null, null, analytics, null, Instant.now(), Instant.now(), 0, null, null);
	}

}
