package dev.clinicflow.shared;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * New identifiers: time-ordered UUIDv7, so that primary-key indexes stay compact and ids
 * sort by creation time (which cursor pagination relies on).
 */
public final class Ids {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	/**
	 * Returns a new UUIDv7.
	 * @return a fresh time-ordered id
	 */
	public static UUID next() {
		return GENERATOR.generate();
	}

}
