package dev.clinicflow.patients;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameMatchTests {

	@Test
	void swappedNeighboursCountAsOneEdit() {
		assertThat(NameMatch.editDistance("maria", "marai")).isEqualTo(1);
		assertThat(NameMatch.editDistance("maria", "maira")).isEqualTo(1);
		assertThat(NameMatch.editDistance("silva", "silvia")).isEqualTo(1);
		assertThat(NameMatch.editDistance("joao", "joana")).isEqualTo(2);
		assertThat(NameMatch.editDistance("", "ana")).isEqualTo(3);
	}

	@Test
	void aWordStandsForItselfWordsItStartsAndCloseMisspellings() {
		assertThat(NameMatch.standsFor("maria", "maria")).isTrue();
		assertThat(NameMatch.standsFor("mariana", "mari")).isTrue();
		assertThat(NameMatch.standsFor("maria", "marai")).isTrue();
		assertThat(NameMatch.standsFor("oliveira", "olivera")).isTrue();
		assertThat(NameMatch.standsFor("oliveira", "olvieria")).isTrue();
		// short words: no misspellings, and two letters are not a start worth expanding
		assertThat(NameMatch.standsFor("ana", "na")).isFalse();
		assertThat(NameMatch.standsFor("ana", "an")).isFalse();
		assertThat(NameMatch.standsFor("ana", "ama")).isTrue();
		// one letter off: found, but after the exact matches (tier 2)
		assertThat(NameMatch.standsFor("marta", "maria")).isTrue();
		assertThat(NameMatch.standsFor("marcos", "maria")).isFalse();
		assertThat(NameMatch.standsFor("souza", "silva")).isFalse();
	}

	@Test
	void tiersSelectDisjointSetsAndExistOnlyWhenTheyCanMatch() {
		NameMatch exact = new NameMatch("maria silva", List.of("maria", "silva"),
				List.of(List.of("maria"), List.of("silva")));
		assertThat(exact.has(0)).isTrue();
		assertThat(exact.has(1)).isTrue();
		assertThat(exact.has(2)).isFalse();

		NameMatch typo = new NameMatch("marai", null, List.of(List.of("maria", "mara")));
		assertThat(typo.has(1)).isFalse();
		assertThat(typo.has(2)).isTrue();
		Map<String, Object> params = new java.util.HashMap<>();
		assertThat(typo.tier(2, params)).contains("p.name_words && cast(:nameWords0 as text[])")
			.contains("and not (p.search_name");
		assertThat(params).containsEntry("namePrefix", "marai").containsKey("nameWords0");

		NameMatch unknown = new NameMatch("xq", null, List.of());
		assertThat(unknown.has(2)).isFalse();
		assertThat(unknown.any(new java.util.HashMap<>())).doesNotContain("name_words");
	}

}
