package dev.clinicflow.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.clinicflow.scheduling.Recurrence.Frequency;
import dev.clinicflow.shared.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AppointmentSeriesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void weeklyOccurrencesKeepTheirLocalTimeAcrossAChangeOfTheClocks() {
		Instant first = LocalDateTime.of(2027, 3, 1, 9, 0).atZone(NEW_YORK).toInstant();
		List<Instant> starts = AppointmentSeries.occurrences(first, new Recurrence(Frequency.WEEKLY, 1, 4, null),
				NEW_YORK);
		assertThat(starts).extracting((start) -> LocalDateTime.ofInstant(start, NEW_YORK))
			.containsExactly(LocalDateTime.of(2027, 3, 1, 9, 0), LocalDateTime.of(2027, 3, 8, 9, 0),
					LocalDateTime.of(2027, 3, 15, 9, 0), LocalDateTime.of(2027, 3, 22, 9, 0));
		// 14:00 UTC before the change on 14 March, 13:00 UTC after it
		assertThat(starts.get(1)).isEqualTo(Instant.parse("2027-03-08T14:00:00Z"));
		assertThat(starts.get(2)).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
	}

	@Test
	void monthlyOccurrencesFallOnTheLastDayOfShorterMonths() {
		Instant first = LocalDate.of(2027, 1, 31).atTime(LocalTime.of(10, 0)).atZone(NEW_YORK).toInstant();
		assertThat(AppointmentSeries.occurrences(first, new Recurrence(Frequency.MONTHLY, 1, 3, null), NEW_YORK))
			.extracting((start) -> LocalDate.ofInstant(start, NEW_YORK))
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
	}

	@Test
	void untilIncludesItsDayAndIntervalsSkip() {
		Instant first = LocalDate.of(2027, 5, 3).atTime(LocalTime.of(8, 0)).atZone(NEW_YORK).toInstant();
		assertThat(AppointmentSeries.occurrences(first,
				new Recurrence(Frequency.DAILY, 2, null, LocalDate.of(2027, 5, 9)), NEW_YORK))
			.extracting((start) -> LocalDate.ofInstant(start, NEW_YORK))
			.containsExactly(LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 7),
					LocalDate.of(2027, 5, 9));
	}

	@Test
	void aSeriesNamesItsRecurrenceWhenItIsMalformedOrTooLong() {
		Instant first = Instant.parse("2027-05-03T12:00:00Z");
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AppointmentSeries.occurrences(first,
					new Recurrence(Frequency.DAILY, 1, 3, LocalDate.of(2027, 6, 1)), NEW_YORK))
			.satisfies((ex) -> assertThat(ex.errors().getFirst().field()).isEqualTo("recurrence.count"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AppointmentSeries.occurrences(first,
					new Recurrence(Frequency.DAILY, 1, null, LocalDate.of(2027, 8, 1)), NEW_YORK))
			.satisfies((ex) -> assertThat(ex.errors().getFirst().field()).isEqualTo("recurrence.until"));
		assertThatExceptionOfType(InvalidRequest.class)
			.isThrownBy(() -> AppointmentSeries.occurrences(first,
					new Recurrence(Frequency.DAILY, 1, null, LocalDate.of(2027, 5, 1)), NEW_YORK))
			.satisfies((ex) -> assertThat(ex.errors().getFirst().field()).isEqualTo("recurrence.until"));
		assertThat(AppointmentSeries.occurrences(first,
				new Recurrence(Frequency.WEEKLY, 1, null, LocalDate.of(2028, 4, 30)), NEW_YORK))
			.hasSize(52);
	}

}
