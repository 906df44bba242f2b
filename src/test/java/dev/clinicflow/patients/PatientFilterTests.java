package dev.clinicflow.patients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatientFilterTests {

	@Test
	void theNextPrefixBoundsACpfPrefixRange() {
		assertThat(PatientFilter.nextPrefix("123")).isEqualTo("124");
		assertThat(PatientFilter.nextPrefix("129")).isEqualTo("13");
		assertThat(PatientFilter.nextPrefix("1999")).isEqualTo("2");
		assertThat(PatientFilter.nextPrefix("999")).isNull();
	}

}
