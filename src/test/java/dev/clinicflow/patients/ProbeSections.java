package dev.clinicflow.patients;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A stand-in for the modules to come (scheduling, documents…), plugged into the
 * registry's extension points exactly as they will be: it remembers one note per patient,
 * shows it in profiles and exports, and follows merges and anonymisation. It proves the
 * mechanism; each real module tests its own section.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProbeSections {

	@Bean
	NotesHolder probeNotes() {
		return new NotesHolder();
	}

	/** Keeps test notes per patient. */
	public static class NotesHolder implements PatientProfileSection, PatientReferences {

		final Map<UUID, List<String>> notes = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return "probeNotes";
		}

		@Override
		public Object contentFor(UUID patientId) {
			return this.notes.getOrDefault(patientId, List.of());
		}

		@Override
		public void moveReferences(UUID source, UUID target) {
			List<String> moved = this.notes.remove(source);
			if (moved != null) {
				this.notes.merge(target, moved,
						(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
			}
		}

		@Override
		public void anonymize(UUID patientId) {
			this.notes.remove(patientId);
		}

		public void note(UUID patientId, String note) {
			this.notes.merge(patientId, List.of(note),
					(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
		}

	}

}
