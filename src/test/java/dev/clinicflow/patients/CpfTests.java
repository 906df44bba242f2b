package dev.clinicflow.patients;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpfTests {

	@Test
	void readsCpfsWithOrWithoutPunctuation() {
		assertThat(Cpf.parse("529.982.247-25")).contains("52998224725");
		assertThat(Cpf.parse("52998224725")).contains("52998224725");
		assertThat(Cpf.parse(" 529 982 247 25 ")).contains("52998224725");
	}

	@Test
	void rejectsWrongCheckDigitsLengthsAndRepeatedDigits() {
		assertThat(Cpf.parse("529.982.247-24")).isEmpty();
		assertThat(Cpf.parse("529.982.247-35")).isEmpty();
		assertThat(Cpf.parse("5299822472")).isEmpty();
		assertThat(Cpf.parse("111.111.111-11")).isEmpty();
		assertThat(Cpf.parse("abc.def.ghi-jk")).isEmpty();
	}

	@Test
	void aRemainderOfTenGivesCheckDigitZero() {
		assertThat(Cpf.checkDigit("000000006", 9)).as("6 x 2 = 12, 120 mod 11 = 10").isZero();
	}

}
